//
// ListReader.h
//
// Streams a list response body ({"kind":"PodList","apiVersion":"v1",
// "metadata":{...},"items":[...]}) item by item: each item is handed over as
// soon as its closing brace has been read, and no more than one item is held
// in memory at a time.
//

#ifndef SBOMOP_Kube_ListReader_INCLUDED
#define SBOMOP_Kube_ListReader_INCLUDED

#include "sbomop/kube/JsonStreamScanner.h"
#include "sbomop/kube/ObjectBuilder.h"
#include <cstdint>
#include <functional>
#include <istream>
#include <string>

namespace sbomop {
namespace kube {

struct SBOMOP_API ListMeta
	/// The list-level fields of a list response.
{
	std::string kind;                    ///< e.g. "PodList".
	std::string apiVersion;
	std::string resourceVersion;         ///< metadata.resourceVersion: start a watch from here.
	std::string continueToken;           ///< metadata.continue: non-empty if more pages follow.
	long long remainingItemCount = -1;   ///< metadata.remainingItemCount, -1 when absent.
	std::size_t itemCount = 0;           ///< Items delivered.
};


class SBOMOP_API ListReader
	/// Reads with a JsonStreamScanner; each item's text (at most
	/// maxItemBytes) is parsed alone with a SchemaHandler into the builder.
	/// Fields other than kind, apiVersion, metadata and items are skipped.
	/// Reading stops at the list's closing brace. Not thread-safe.
{
public:
	using ItemCallback = std::function<void()>;

	explicit ListReader(ObjectBuilder& builder, std::size_t maxItemBytes = JsonStreamScanner::DEFAULT_MAX_VALUE_BYTES);

	ListMeta read(std::istream& in, const ItemCallback& onItem);
		/// Calls `onItem` once per item, while the builder holds it (take it
		/// from there), then returns the list metadata. Throws
		/// MalformedResponseException (with the byte offset, and the item
		/// index where it applies) for malformed or truncated JSON and for
		/// wrong types of the fields kept; exceptions from the stream or from
		/// `onItem` pass through. Items delivered before an error stay delivered.

private:
	void readItems(JsonStreamScanner& scanner, ListMeta& meta, const ItemCallback& onItem);

	ObjectBuilder& _builder;
	std::size_t _maxItemBytes;
	std::string _itemText;
};


template <class T>
ListMeta readList(std::istream& in, const std::function<void(T)>& onItem)
	/// Typed convenience: readList<PodInfo>(in, [](PodInfo pod) { ... }).
{
	typename T::Builder builder;
	ListReader reader(builder);
	return reader.read(in, [&]() { onItem(builder.take()); });
}

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_ListReader_INCLUDED
