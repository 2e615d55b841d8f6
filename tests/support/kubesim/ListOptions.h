//
// ListOptions.h
//
// The query parameters of list and watch requests (metav1.ListOptions):
// parsing, the API server's validation rules and selector matching.
//

#ifndef SBOMOP_KubeSim_ListOptions_INCLUDED
#define SBOMOP_KubeSim_ListOptions_INCLUDED

#include "kubesim/ObjectStore.h"
#include "sbomop/kube/FieldSelector.h"
#include "sbomop/kube/LabelSelector.h"
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace kubesim {

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

class ListOptions
	/// Parsed list/watch options. Value type.
{
public:
	sbomop::kube::LabelSelector labelSelector;
	sbomop::kube::FieldSelector fieldSelector;   ///< labels converted for the type (FieldLabels)
	bool hasSelectors = false;
	std::int64_t limit = 0;
	std::string continueToken;
	bool hasResourceVersion = false;
	std::string resourceVersion;
	std::string resourceVersionMatch;
	bool watch = false;
	bool allowWatchBookmarks = false;
	std::int64_t timeoutSeconds = -1;
	bool hasSendInitialEvents = false;
	bool sendInitialEvents = false;

	static ListOptions parse(const QueryParameters& query, const ResourceInfo& resource);
		/// Parses the parameters. Throws StatusError 400 for unparsable
		/// selectors, numbers or booleans (with the parser's message).

	void validate(bool watchListEnabled) const;
		/// The API server's ListOptions validation. Throws StatusError 422
		/// (details.kind ListOptions).

	std::uint64_t resourceVersionNumber() const;
		/// resourceVersion as a number (0 when unset). Throws StatusError 400
		/// when it is not a decimal number.

	bool matches(const StoredObject& object) const;
		/// True when both selectors match.

	static std::string find(const QueryParameters& query, const std::string& name, bool& present);
		/// The first value of `name` ("" when absent).

	static bool parseBool(const std::string& name, const std::string& value);
		/// Go's strconv.ParseBool. Throws StatusError 400.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ListOptions_INCLUDED
