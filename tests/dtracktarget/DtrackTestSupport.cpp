//
// DtrackTestSupport.cpp
//

#include "DtrackTestSupport.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/targets/SbomFormat.h"
#include <Poco/Logger.h>

namespace sbomop {
namespace dtracktest {

using config::BuiltinKeys;

const std::string DIGEST_A = "sha256:" + std::string(64, 'a');
const std::string DIGEST_B = "sha256:" + std::string(64, 'b');
const std::string NGINX_A = "docker.io/library/nginx@" + DIGEST_A;


plugin::ContainerRef container(const std::string& ns, const std::string& pod, const std::string& name, const std::string& specImage,
	const std::map<std::string, std::string>& labels, const std::map<std::string, std::string>& annotations)
{
	plugin::ContainerRef ref;
	ref.namespaceName = ns;
	ref.podName = pod;
	ref.podUid = "uid-" + pod;
	ref.containerName = name;
	ref.kind = "container";
	ref.specImage = specImage;
	ref.podLabels = labels;
	ref.podAnnotations = annotations;
	return ref;
}


plugin::ImageTask imageTask(const std::string& imageId, const std::string& specImage, const std::string& ns,
	const std::map<std::string, std::string>& labels, const std::map<std::string, std::string>& annotations)
{
	plugin::ImageTask task;
	task.imageId = imageId;
	const std::string::size_type at = imageId.find('@');
	task.digest = at == std::string::npos ? std::string() : imageId.substr(at + 1);
	task.originalReference = specImage;
	task.pullReference = imageId;
	task.containers.push_back(container(ns, "pod-1", "app", specImage, labels, annotations));
	return task;
}


std::string cycloneDx(int components)
{
	std::string text = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[";
	for (int i = 0; i < components; ++i)
	{
		if (i > 0) text += ",";
		text += "{\"type\":\"library\",\"bom-ref\":\"pkg-" + std::to_string(i) + "\",\"name\":\"pkg-" + std::to_string(i)
			+ "\",\"version\":\"1.0." + std::to_string(i) + "\"}";
	}
	return text + "]}";
}


dtracksim::Project seed(dtracksim::DtrackSimServer& sim, const std::string& name, const std::optional<std::string>& version,
	const std::vector<std::string>& tags)
{
	dtracksim::Project draft;
	draft.name = name;
	draft.version = version;
	draft.setTags(tags);
	return sim.store().create(draft);
}


Poco::AutoPtr<Poco::Util::MapConfiguration> dtrackConfig(const std::string& url, const std::string& apiKey)
{
	Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
	config->setString(BuiltinKeys::TARGETS, "dtrack");
	config->setString(BuiltinKeys::FORMAT, "cyclonedxjson");
	config->setString(BuiltinKeys::DTRACK_BASE_URL, url);
	config->setString(BuiltinKeys::DTRACK_API_KEY, apiKey);
	return config;
}


TargetHarness::TargetHarness(Poco::AutoPtr<Poco::Util::MapConfiguration> config, const std::string& clusterId):
	_config(config)
{
	_context.reset(new plugin::BackendContext(*_config, Poco::Logger::get("sbomop.test.dtrack"), _metrics, nullptr,
		"sbom-system", clusterId, _stop));
	_target.setRetryPolicy(4, Poco::Timespan(0, 20000), Poco::Timespan(0, 200000));
	_target.validate(*_config);
	_target.initialise(*_context);
}


TargetHarness::~TargetHarness()
{
}


targets::DtrackTarget& TargetHarness::target()
{
	return _target;
}


Poco::Util::MapConfiguration& TargetHarness::config()
{
	return *_config;
}


StopToken& TargetHarness::stop()
{
	return _stop;
}


SimFixture::SimFixture(const std::string& version, const Tweak& tweak)
{
	dtracksim::DtrackSimServer::Options options;
	options.version = version;
	_sim.reset(new dtracksim::DtrackSimServer(options));
	_sim->start();
	Poco::AutoPtr<Poco::Util::MapConfiguration> config = dtrackConfig(_sim->url(), dtracksim::DtrackSimServer::DEFAULT_API_KEY);
	if (tweak) tweak(*config, *_sim);
	_harness.reset(new TargetHarness(config));
}


SimFixture::~SimFixture()
{
	_harness.reset();
	_sim->stop();
}


dtracksim::DtrackSimServer& SimFixture::sim()
{
	return *_sim;
}


targets::DtrackTarget& SimFixture::target()
{
	return _harness->target();
}


targets::Target::StoreResult SimFixture::store(const plugin::ImageTask& task, int components)
{
	return _harness->target().store(task, cycloneDx(components), targets::SbomFormat::forName("cyclonedxjson"));
}


int SimFixture::countRequests(const std::string& method, const std::string& pathPrefix) const
{
	return static_cast<int>(_sim->requests().count(method, pathPrefix));
}


} } // namespace sbomop::dtracktest
