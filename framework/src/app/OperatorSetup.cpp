//
// OperatorSetup.cpp
//

#include "sbomop/app/OperatorSetup.h"
#include "sbomop/app/HostValidators.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/HelpPrinter.h"
#include "sbomop/core/BuildInfo.h"
#include "sbomop/kube/ClusterConnectionLoader.h"
#include "sbomop/plugin/PluginApi.h"
#include <Poco/Version.h>

namespace sbomop {
namespace app {

using config::BuiltinKeys;

namespace {

config::ConfigSchema hostSchema()
{
	config::ConfigSchema schema = BuiltinKeys::schema();
	HostValidators::addTo(schema);
	return schema;
}

} // namespace

OperatorSetup::OperatorSetup(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment):
	_schema(hostSchema()),
	_commandLine(config::CommandLine::parse(args, _schema)),
	_loader(_schema)
{
	if (!helpRequested() && !versionRequested())
	{
		_loader.load(_commandLine, environment);
	}
}

OperatorSetup::~OperatorSetup()
{
	// Objects of a plugin must die before its library is unloaded.
	_backend.reset();
	_plugins.reset();
}

bool OperatorSetup::helpRequested() const
{
	return _commandLine.helpRequested();
}

bool OperatorSetup::versionRequested() const
{
	return _commandLine.versionRequested();
}

void OperatorSetup::printHelp(std::ostream& out) const
{
	config::HelpPrinter::print(out, _schema);
}

void OperatorSetup::printVersion(std::ostream& out)
{
	out << "sbom-operator " << SBOMOP_VERSION << "\n"
		<< "plugin API: " << SBOMOP_PLUGIN_API_VERSION << "\n"
		<< "build: " << SBOMOP_BUILD_TYPE << ", " << SBOMOP_COMPILER << ", " << __DATE__ << "\n"
		<< "Poco: " << (POCO_VERSION >> 24) << "." << ((POCO_VERSION >> 16) & 0xff) << "." << ((POCO_VERSION >> 8) & 0xff) << "\n";
}

std::string OperatorSetup::peek(const std::string& key) const
{
	return _loader.peek(key);
}

void OperatorSetup::prepare()
{
	_plugins.reset(new plugin::PluginLoader(_loader.peek(BuiltinKeys::PLUGIN_DIR)));
	const std::string backendName = _loader.peek(BuiltinKeys::BACKEND);
	_backend = _plugins->load(backendName);
	_backendLibrary = _plugins->libraryPath(*_backend);
	_backend->declareConfigKeys(_schema);
	_resolved = _loader.resolve();
	_settings.reset(new config::Settings(_resolved.configuration(), _schema));
	_backend->validate(*_resolved.configuration());
	const std::string kubeconfig = _settings->getString(BuiltinKeys::KUBECONFIG);
	const auto clusterEnvironment = kube::ClusterConnectionLoader::processEnvironment();
	// The same rule ClusterConnectionLoader::load() uses to pick the in-cluster configuration.
	const bool inCluster = kubeconfig.empty() && kube::ClusterConnectionLoader::inClusterAvailable(clusterEnvironment);
	_election = election::LeaderElectionConfig::fromSettings(*_settings, inCluster);
	_connection = kube::ClusterConnectionLoader::load(kubeconfig, "", clusterEnvironment);
}

const kube::ClusterConnection& OperatorSetup::connection() const
{
	return _connection;
}

const election::LeaderElectionConfig& OperatorSetup::election() const
{
	return _election;
}

const config::ResolvedConfig& OperatorSetup::resolved() const
{
	return _resolved;
}

const config::Settings& OperatorSetup::settings() const
{
	poco_assert(_settings);
	return *_settings;
}

plugin::Backend& OperatorSetup::backend() const
{
	poco_assert(_backend);
	return *_backend;
}

const std::string& OperatorSetup::backendLibrary() const
{
	return _backendLibrary;
}

std::vector<std::string> OperatorSetup::secretValues() const
{
	std::vector<std::string> values;
	for (const auto& key: _schema.keys())
	{
		if (key.isSecret() && _resolved.has(key.name()))
		{
			const std::string value = _resolved.value(key.name());
			if (!value.empty()) values.push_back(value);
		}
	}
	for (const std::string* secret: { &_connection.token, &_connection.password, &_connection.clientKeyData })
	{
		if (!secret->empty()) values.push_back(*secret);
	}
	return values;
}

} } // namespace sbomop::app
