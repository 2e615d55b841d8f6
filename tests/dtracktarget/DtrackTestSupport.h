//
// DtrackTestSupport.h
//
// Shared pieces of the DtrackTarget suite: image tasks, CycloneDX documents
// and a target wired to an in-process Dependency-Track double.
//

#ifndef SBOMOP_DtrackTargetTest_DtrackTestSupport_INCLUDED
#define SBOMOP_DtrackTargetTest_DtrackTestSupport_INCLUDED

#include "dtrack/DtrackSimServer.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/plugin/BackendTypes.h"
#include "sbomop/targets/dtrack/DtrackTarget.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>
#include <string>

namespace sbomop {
namespace dtracktest {

extern const std::string DIGEST_A;   ///< sha256:aaaa...
extern const std::string DIGEST_B;   ///< sha256:bbbb...
extern const std::string NGINX_A;    ///< docker.io/library/nginx@DIGEST_A

plugin::ContainerRef container(const std::string& ns, const std::string& pod, const std::string& name, const std::string& specImage,
	const std::map<std::string, std::string>& labels = {}, const std::map<std::string, std::string>& annotations = {});

plugin::ImageTask imageTask(const std::string& imageId, const std::string& specImage, const std::string& ns = "default",
	const std::map<std::string, std::string>& labels = {}, const std::map<std::string, std::string>& annotations = {});
	///< One container "app" in pod "pod-1".

std::string cycloneDx(int components);
	///< A CycloneDX 1.6 JSON document with `components` libraries.

dtracksim::Project seed(dtracksim::DtrackSimServer& sim, const std::string& name, const std::optional<std::string>& version,
	const std::vector<std::string>& tags = {});
	///< Creates a project directly in the double's store.

Poco::AutoPtr<Poco::Util::MapConfiguration> dtrackConfig(const std::string& url, const std::string& apiKey);
	///< format cyclonedxjson, the URL and key, everything else default.

class TargetHarness
	/// A DtrackTarget initialised against `url` with fast retries.
{
public:
	TargetHarness(Poco::AutoPtr<Poco::Util::MapConfiguration> config, const std::string& clusterId = "test-cluster");
	~TargetHarness();

	targets::DtrackTarget& target();
	Poco::Util::MapConfiguration& config();
	StopToken& stop();

private:
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
	http::MetricsRegistry _metrics;
	StopToken _stop;
	std::unique_ptr<plugin::BackendContext> _context;
	targets::DtrackTarget _target;
};

class SimFixture
	/// A started Dependency-Track double plus a harness for it.
{
public:
	using Tweak = std::function<void(Poco::Util::MapConfiguration&, dtracksim::DtrackSimServer&)>;

	explicit SimFixture(const std::string& version = "4.14.3", const Tweak& tweak = Tweak());
		///< `tweak` adjusts the configuration (and may seed the started
		///< double) before the target is initialised.
	~SimFixture();

	dtracksim::DtrackSimServer& sim();
	targets::DtrackTarget& target();

	targets::Target::StoreResult store(const plugin::ImageTask& task, int components = 3);
		///< Stores cycloneDx(components) for the task.

	int countRequests(const std::string& method, const std::string& pathPrefix) const;

private:
	std::unique_ptr<dtracksim::DtrackSimServer> _sim;
	std::unique_ptr<TargetHarness> _harness;
};

} } // namespace sbomop::dtracktest

#endif // SBOMOP_DtrackTargetTest_DtrackTestSupport_INCLUDED
