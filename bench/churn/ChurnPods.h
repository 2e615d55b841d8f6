//
// ChurnPods.h
//
// The pods the soak benchmark creates while it runs: more replicas of the
// benchmark cluster's applications (bench/seed), some of them rolled out to
// a new image, each in the two states a kubelet reports one after the other.
//

#ifndef SBOMOP_Bench_ChurnPods_INCLUDED
#define SBOMOP_Bench_ChurnPods_INCLUDED

#include "../seed/ImageCatalog.h"
#include "../seed/PodGenerator.h"
#include <Poco/JSON/Object.h>
#include <cstddef>
#include <string>

namespace sbomop {
namespace bench {

class ChurnPods
	/// Pod `index` is PodGenerator's pod of that index (so indexes below the
	/// seed's pod count name the seeded pods). Every `newImageEvery`-th index
	/// (0: never) runs its application container from a new digest of the
	/// application's repository, tag `churn-<index>`. Immutable; thread-safe.
{
public:
	ChurnPods(std::size_t images, std::size_t namespaces, std::size_t newImageEvery);

	struct Pod
	{
		std::string ns;
		std::string name;
		std::string pending;   ///< JSON: scheduled, no container statuses yet
		std::string running;   ///< JSON: Running with every container status and imageID
		bool newImage = false;
	};

	Pod pod(std::size_t index) const;
		/// Both states of pod `index`, without managedFields and resourceVersion.

	std::string name(std::size_t index, std::string& ns) const;
		/// The name of pod `index`; `ns` receives its namespace.

private:
	ImageCatalog _catalog;
	PodGenerator _generator;
	std::size_t _newImageEvery;
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_ChurnPods_INCLUDED
