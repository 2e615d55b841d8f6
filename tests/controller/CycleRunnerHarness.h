//
// CycleRunnerHarness.h
//
// A CycleRunner wired to the controller test doubles, and the pods and
// look-ups the CycleRunner suites share.
//

#ifndef SBOMOP_Tests_CycleRunnerHarness_INCLUDED
#define SBOMOP_Tests_CycleRunnerHarness_INCLUDED

#include "ControllerTestSupport.h"
#include "sbomop/controller/CycleRunner.h"
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace controller {
namespace test {

extern const std::string OPERATOR_NS;
extern const std::string KEY;
extern const std::string NGINX;
extern const std::string REDIS;
extern const std::string API;

struct Harness
	/// A CycleRunner wired to test doubles, created on the first run() so
	/// that a test can adjust the settings first.
{
	CapturedLogger log;
	http::MetricsRegistry registry;
	OperatorMetrics metrics{ registry };
	RecordingBackend backend;
	RecordingPatcher patcher;
	ScriptedSecrets secrets;
	CycleSettings settings;
	std::unique_ptr<CycleRunner> runner;
	StopToken cancel;

	Harness();
	CycleReport run(const std::vector<kube::PodInfo>& pods);
	const plugin::ImageBatch& lastBatch() const;
	std::string metric(const std::string& series) const;
};

std::vector<std::string> taskIds(const plugin::ImageBatch& batch);
const plugin::ImageTask& taskFor(const plugin::ImageBatch& batch, const std::string& imageId);
std::vector<std::string> patchedPods(const RecordingPatcher& patcher);
kube::PodInfo webPod(const std::string& ns, const std::string& name);
	/// nginx and redis containers.
kube::PodInfo nginxPod(const std::string& name);
	/// One nginx container in namespace shop.

} } } // namespace sbomop::controller::test

#endif // SBOMOP_Tests_CycleRunnerHarness_INCLUDED
