//
// CycleRunnerHarness.cpp
//

#include "CycleRunnerHarness.h"
#include <cppunit/extensions/HelperMacros.h>

namespace sbomop {
namespace controller {
namespace test {

using kube::PodInfo;
using plugin::ImageBatch;
using plugin::ImageTask;

const std::string OPERATOR_NS = "sbom-system";
const std::string KEY = "ckotzbauer.sbom-operator.io/";
const std::string NGINX = "docker.io/library/nginx@";
const std::string REDIS = "docker.io/bitnami/redis@";
const std::string API = "registry.example.com/team/api@";

Harness::Harness()
{
	settings.operatorNamespace = OPERATOR_NS;
}

CycleReport Harness::run(const std::vector<PodInfo>& pods)
{
	if (!runner) runner.reset(new CycleRunner(backend, settings, secrets.function(), patcher.function(), metrics, log.logger()));
	return runner->run(snapshot(pods), cancel);
}

const ImageBatch& Harness::lastBatch() const
{
	CPPUNIT_ASSERT_MESSAGE("the backend was not called", !backend.batches.empty());
	return backend.batches.back();
}

std::string Harness::metric(const std::string& series) const
{
	return metricLine(registry, series);
}

std::vector<std::string> taskIds(const ImageBatch& batch)
{
	std::vector<std::string> result;
	for (const auto& task: batch.images) result.push_back(task.imageId);
	return result;
}

const ImageTask& taskFor(const ImageBatch& batch, const std::string& imageId)
{
	for (const auto& task: batch.images)
	{
		if (task.imageId == imageId) return task;
	}
	CPPUNIT_FAIL("no task for " + imageId);
	return batch.images.front();
}

std::vector<std::string> patchedPods(const RecordingPatcher& patcher)
{
	std::vector<std::string> result;
	for (const auto& call: patcher.calls) result.push_back(call.ns + "/" + call.name);
	return result;
}

PodInfo webPod(const std::string& ns, const std::string& name)
{
	return makePod(ns, name, {
		container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST),
		container("cache", "bitnami/redis:7.2.4", "docker.io/bitnami/redis@" + REDIS_DIGEST),
	});
}

PodInfo nginxPod(const std::string& name)
{
	return makePod("shop", name, { container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST) });
}

} } } // namespace sbomop::controller::test
