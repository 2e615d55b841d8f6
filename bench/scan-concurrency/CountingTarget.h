//
// CountingTarget.h
//
// An in-memory storage target for the scan benchmark: counts what it is
// given and keeps nothing, so that the benchmark measures the scans.
//

#ifndef SBOMOP_Bench_CountingTarget_INCLUDED
#define SBOMOP_Bench_CountingTarget_INCLUDED

#include "sbomop/targets/Target.h"
#include <atomic>
#include <cstddef>
#include <string>

namespace sbomop {
namespace bench {

class CountingTarget: public targets::Target
	/// Accepts every SBOM and counts documents and bytes. Thread-safe
	/// (atomic counters). The counters live in a Counts object owned by the
	/// caller, which must outlive the target.
{
public:
	struct Counts
	{
		std::atomic<std::size_t> stored{0};
		std::atomic<std::size_t> bytes{0};
	};

	CountingTarget(const std::string& name, Counts& counts);

	std::string name() const override;
	void validate(const Poco::Util::AbstractConfiguration& config) const override;
		/// Accepts any configuration.
	void initialise(plugin::BackendContext& context) override;
	StoreResult store(const plugin::ImageTask& image, const std::string& document, const targets::SbomFormat& format) override;
		/// Counts the document and reports it stored at "<name>:<imageId>".
	std::vector<plugin::StoredImage> storedImages() override;
		/// Always empty: nothing is kept.
	std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds) override;
		/// Every id succeeds.

private:
	std::string _name;
	Counts& _counts;
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_CountingTarget_INCLUDED
