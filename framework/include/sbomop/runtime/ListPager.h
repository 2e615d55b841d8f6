//
// ListPager.h
//
// Lists a whole collection through paginated list requests into a map,
// following `continue` tokens and recovering from expired ones.
//

#ifndef SBOMOP_Runtime_ListPager_INCLUDED
#define SBOMOP_Runtime_ListPager_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeClientOptions.h"
#include "sbomop/kube/ResourceType.h"
#include "sbomop/runtime/Store.h"
#include <Poco/Logger.h>
#include <cstdint>
#include <string>

namespace sbomop {
namespace runtime {

template <class T>
class ListPager
	/// Reads every object of a collection with consistent-read list requests
	/// (`resourceVersion` unset) of `options.limit` items each, following
	/// `metadata.continue` until the last page. All pages belong to the
	/// snapshot of the first one, whose resourceVersion is the list's.
	///
	/// When a continue token has expired (410) the list starts over without
	/// it; when that happens a second time the pager falls back to a single
	/// unpaged request, which cannot expire (as client-go's pager does).
	///
	/// Not thread-safe; one list at a time per pager.
{
public:
	using ObjectMap = typename Store<T>::ObjectMap;

	struct Result
	{
		ObjectMap objects;            ///< every object, by ObjectTraits<T>::key()
		std::string resourceVersion;  ///< the list's metadata.resourceVersion
		std::uint64_t pages = 0;      ///< pages received, over all restarts
		std::uint64_t restarts = 0;   ///< restarts after an expired continue token
	};

	ListPager(kube::KubeClient& client, const kube::ResourceType& type, const std::string& ns,
		const kube::ListOptions& options);
		/// Lists `type` in `ns` ("" = all namespaces) with the selectors and the
		/// page size (`limit`, 0 = unpaged) of `options`; its continue token and
		/// resourceVersion fields are ignored. The client must outlive the pager.

	bool list(const StopToken& stop, Result& result);
		/// Fills `result` (cleared first) with the whole collection. Returns
		/// false, with a partial result, when `stop` was requested between two
		/// pages. Throws what KubeClient::list() throws (GoneException when
		/// even the unpaged fallback expired), and MalformedResponseException
		/// for a malformed body or a list without metadata.resourceVersion.
		/// `result.pages` and `result.restarts` are valid after a throw too.

private:
	kube::KubeClient& _client;
	const kube::ResourceType& _type;
	std::string _namespace;
	kube::ListOptions _options;
	Poco::Logger& _logger;
};

extern template class ListPager<kube::PodInfo>;
extern template class ListPager<kube::NamespaceInfo>;

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_ListPager_INCLUDED
