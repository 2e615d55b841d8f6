//
// CycleRunner.h
//
// One cycle of the operator: inventory of the pods in scope, what is pending,
// pull credentials, one backend call for the whole batch, annotations for what
// succeeded, and orphan removal. Level-based: every cycle starts again from
// the current pods, so nothing is lost when a cycle fails.
//

#ifndef SBOMOP_Controller_CycleRunner_INCLUDED
#define SBOMOP_Controller_CycleRunner_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/controller/Inventory.h"
#include "sbomop/controller/OperatorMetrics.h"
#include "sbomop/controller/PendingPlanner.h"
#include "sbomop/controller/PodAnnotator.h"
#include "sbomop/controller/PullCredentials.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/image/ImageFilter.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/plugin/Backend.h"
#include "sbomop/registry/RegistryProxyMap.h"
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {
namespace controller {

struct SBOMOP_API CycleSettings
{
	bool ignoreAnnotations = false;
	bool deleteOrphans = true;
	image::ImageFilter exclude;
	registry::RegistryProxyMap proxies;
	std::string operatorNamespace;
	std::string fallbackPullSecret;
};

struct SBOMOP_API CycleReport
{
	std::string cycleId;
	std::size_t imagesKnown = 0;
	std::size_t pending = 0;
	std::size_t succeeded = 0;
	std::size_t failed = 0;
	std::size_t annotateOnly = 0;       ///< images processed earlier, only annotated
	std::size_t podsAnnotated = 0;
	std::size_t annotationFailures = 0;
	std::size_t orphansRemoved = 0;
	std::size_t orphanFailures = 0;
	bool backendError = false;          ///< the backend call threw
	bool cancelled = false;             ///< stopped before the backend ran; images stay pending

	bool ok() const;
		/// No failed image, no failed annotation, no failed orphan removal,
		/// and not cancelled with images pending.
};

class SBOMOP_API CycleRunner
	/// Remembers the images that succeeded in this process. Not thread-safe:
	/// the operator runs at most one cycle at a time.
{
public:
	CycleRunner(plugin::Backend& backend, const CycleSettings& settings, PullCredentials::Fetch fetchSecret,
		PodAnnotator::Patch patchPod, OperatorMetrics& metrics, Poco::Logger& logger);

	using PodSnapshot = std::vector<std::shared_ptr<const kube::PodInfo>>;

	CycleReport run(const PodSnapshot& pods, StopToken& cancel);
		/// `pods` must be a complete view of the pods in scope (a synced
		/// store), because what is stored but not running there is removed.

	const std::set<std::string>& processed() const;

	static std::string newCycleId();
		/// `<yyyymmdd>-<hhmmss>-<4 random hex>`: sortable, unique, a valid DNS label part.

private:
	plugin::ImageBatch buildBatch(const Plan& plan, PullCredentials& credentials, const std::string& cycleId) const;
	void processBatch(const plugin::ImageBatch& batch, const Plan& plan, StopToken& cancel, CycleReport& report, std::vector<ContainerAnnotation>& annotations);
	void removeOrphans(const Inventory& inventory, CycleReport& report);

	plugin::Backend& _backend;
	CycleSettings _settings;
	PullCredentials::Fetch _fetchSecret;
	PodAnnotator _annotator;
	OperatorMetrics& _metrics;
	Poco::Logger& _logger;
	std::set<std::string> _processed;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_CycleRunner_INCLUDED
