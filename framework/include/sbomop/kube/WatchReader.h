//
// WatchReader.h
//
// Reads a watch response: a stream of concatenated JSON objects
// {"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":{...}}, one event
// at a time, as each one completes. Independent of newlines and of how the
// bytes are split into chunks or reads.
//

#ifndef SBOMOP_Kube_WatchReader_INCLUDED
#define SBOMOP_Kube_WatchReader_INCLUDED

#include "sbomop/kube/JsonStreamScanner.h"
#include "sbomop/kube/ObjectBuilder.h"
#include "sbomop/kube/WatchEvent.h"
#include <cstdint>
#include <istream>
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API WatchStreamReader
	/// The untyped core of WatchReader: fills a WatchEventInfo and leaves the
	/// object in the builder. Reads nothing beyond the closing brace of the
	/// event it returns, so on a live response it blocks only while waiting
	/// for the next event. Not thread-safe; the stream and the builder must
	/// outlive the reader.
{
public:
	WatchStreamReader(std::istream& in, ObjectBuilder& builder, std::size_t maxEventBytes = JsonStreamScanner::DEFAULT_MAX_VALUE_BYTES);

	bool next(WatchEventInfo& info);
		/// Waits for and decodes the next event. Returns false at a clean end
		/// of the stream (after a complete event; the server closes watches
		/// after timeoutSeconds: re-watch from the last resourceVersion).
		/// Throws MalformedResponseException for malformed or truncated JSON,
		/// an unknown or missing type, a missing object, or wrong field types;
		/// exceptions from the stream pass through.

	std::uint64_t offset() const;
		/// Bytes consumed so far.

private:
	ObjectBuilder& _builder;
	JsonStreamScanner _scanner;
	std::string _objectText;
};


template <class T>
class WatchReader
	/// Typed reader: WatchReader<PodInfo> or WatchReader<NamespaceInfo>.
	///
	///     WatchReader<PodInfo> reader(responseStream);
	///     WatchEvent<PodInfo> event;
	///     while (reader.next(event)) { ... }
{
public:
	explicit WatchReader(std::istream& in, std::size_t maxEventBytes = JsonStreamScanner::DEFAULT_MAX_VALUE_BYTES):
		_reader(in, _builder, maxEventBytes)
	{
	}

	bool next(WatchEvent<T>& event)
		/// See WatchStreamReader::next().
	{
		if (!_reader.next(event)) return false;
		event.object = _builder.take();
		return true;
	}

	std::uint64_t offset() const
	{
		return _reader.offset();
	}

private:
	typename T::Builder _builder; // declared first: _reader refers to it
	WatchStreamReader _reader;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_WatchReader_INCLUDED
