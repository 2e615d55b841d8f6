//
// ClusterSeed.h
//
// Writes the benchmark cluster as one `List` document that kube-sim loads
// with --seed: namespaces, a registry pull secret per namespace and the pods.
//

#ifndef SBOMOP_Bench_ClusterSeed_INCLUDED
#define SBOMOP_Bench_ClusterSeed_INCLUDED

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace sbomop {
namespace bench {

class ClusterSeed
	/// Generates the cluster described by Options (see ImageCatalog and
	/// PodGenerator for its shape) and reports what it wrote.
{
public:
	struct Options
	{
		std::size_t pods = 10000;
		std::size_t images = 1000;
		std::size_t namespaces = 20;
	};

	struct Summary
		/// What write() produced, counted from the generated objects.
	{
		std::size_t pods = 0;
		std::size_t containers = 0;      ///< over containers and init containers
		std::size_t uniqueImages = 0;    ///< distinct image ids (digests) the pods run
		std::size_t namespaces = 0;
		std::size_t secrets = 0;
		std::size_t bytes = 0;
	};

	explicit ClusterSeed(const Options& options);
		/// Throws Poco::InvalidArgumentException when the pods are too few to
		/// run every image of the catalog at least once.

	Summary write(std::ostream& out) const;
		/// Writes the List (compact JSON). Throws Poco::IOException when the
		/// stream fails.

	static std::vector<std::string> namespaceNames(std::size_t count);
		/// Team-like namespace names; numbered once the list runs out.

private:
	Options _options;
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_ClusterSeed_INCLUDED
