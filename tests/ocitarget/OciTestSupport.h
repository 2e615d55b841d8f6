//
// OciTestSupport.h
//
// Helpers of the OciTarget suite: configurations, a backend context and
// image tasks.
//

#ifndef SBOMOP_Tests_OciTestSupport_INCLUDED
#define SBOMOP_Tests_OciTestSupport_INCLUDED

#include "sbomop/core/StopToken.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/plugin/BackendTypes.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <map>
#include <memory>
#include <string>

namespace sbomop {
namespace testing {

Poco::AutoPtr<Poco::Util::MapConfiguration> ociConfiguration(const std::map<std::string, std::string>& values);
	/// A configuration holding exactly `values`.

class ContextHolder
	/// A BackendContext without a Kubernetes client, with what it refers to.
{
public:
	explicit ContextHolder(const std::map<std::string, std::string>& values);
	plugin::BackendContext& context() { return *_context; }

private:
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
	http::MetricsRegistry _metrics;
	StopToken _shutdown;
	std::unique_ptr<plugin::BackendContext> _context;
};

plugin::ImageTask imageTask(const std::string& repository, const std::string& hexSeed);
	/// An image `docker.io/<repository>@sha256:<64 hex>` whose digest repeats `hexSeed`.

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_OciTestSupport_INCLUDED
