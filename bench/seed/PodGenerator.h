//
// PodGenerator.h
//
// Builds the pods of the benchmark cluster as `kubectl get pod -o json`
// prints them for Deployment replicas on a containerd node: full spec,
// status with container statuses, labels, annotations, owner references and
// managed fields.
//

#ifndef SBOMOP_Bench_PodGenerator_INCLUDED
#define SBOMOP_Bench_PodGenerator_INCLUDED

#include "ImageCatalog.h"
#include <Poco/JSON/Object.h>
#include <cstddef>
#include <string>
#include <vector>

namespace sbomop {
namespace bench {

class PodGenerator
	/// Pod `index` belongs to application `index % appCount()` (replica
	/// `index / appCount()`); every third pod also runs a sidecar and every
	/// fifth an init container, taken round-robin from the catalog's shared
	/// images. Application pods name the pull secret `PULL_SECRET`.
	/// Deterministic and stateless: const members are thread-safe. Keeps a
	/// reference to the catalog, which must outlive it.
{
public:
	static const std::string PULL_SECRET;
		/// "regcred".

	explicit PodGenerator(const ImageCatalog& catalog);

	Poco::JSON::Object::Ptr pod(std::size_t index) const;
		/// The pod with that index.

	std::vector<const SeedImage*> images(std::size_t index) const;
		/// The images pod `index` runs, init container first.

private:
	Poco::JSON::Object::Ptr metadata(std::size_t index, const std::string& ns, const std::string& app,
		const std::string& podName, const std::string& replicaSet, bool sidecar) const;
	Poco::JSON::Object::Ptr spec(std::size_t index, const std::string& app, const std::vector<const SeedImage*>& images, bool init) const;
	Poco::JSON::Object::Ptr status(std::size_t index, const std::string& podName, const std::vector<const SeedImage*>& images, bool init) const;

	const ImageCatalog& _catalog;
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_PodGenerator_INCLUDED
