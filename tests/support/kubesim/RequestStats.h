//
// RequestStats.h
//
// Request counters by Kubernetes verb and resource, for benchmarks and tests
// (served as JSON by `GET /_sim/stats`).
//

#ifndef SBOMOP_KubeSim_RequestStats_INCLUDED
#define SBOMOP_KubeSim_RequestStats_INCLUDED

#include <Poco/JSON/Object.h>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace sbomop {
namespace kubesim {

class RequestStats
	/// Thread-safe counters.
{
public:
	void record(const std::string& verb, const std::string& resource);
		/// Counts one request. `resource` is the plural with subresource
		/// ("pods", "pods/status") or the path of a non-resource request.

	std::uint64_t count(const std::string& verb, const std::string& resource) const;
	std::uint64_t total() const;

	Poco::JSON::Object::Ptr toJson() const;
		/// `{"total":N,"requests":{"<verb>":{"<resource>":N}}}`.

	void reset();
		/// Sets every counter back to zero.

private:
	mutable std::mutex _mutex;
	std::map<std::string, std::map<std::string, std::uint64_t>> _counts;
	std::uint64_t _total = 0;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_RequestStats_INCLUDED
