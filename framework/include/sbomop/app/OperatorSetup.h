//
// OperatorSetup.h
//
// Everything the host does before it starts working: parse the command line,
// collect the configuration layers, load the backend plugin the configuration
// names, let it add its keys, resolve and validate everything. Each step that
// fails throws a ConfigException or PluginLoadException whose one-line message
// the host prints before exiting with code 78.
//

#ifndef SBOMOP_App_OperatorSetup_INCLUDED
#define SBOMOP_App_OperatorSetup_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/CommandLine.h"
#include "sbomop/config/ConfigLoader.h"
#include "sbomop/config/ConfigSchema.h"
#include "sbomop/config/ResolvedConfig.h"
#include "sbomop/config/Settings.h"
#include "sbomop/election/LeaderElectionConfig.h"
#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/plugin/Backend.h"
#include "sbomop/plugin/PluginLoader.h"
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace sbomop {
namespace app {

class SBOMOP_API OperatorSetup
	/// Not thread-safe; used by the host's main thread during startup. Owns the
	/// backend and the plugin loader, and destroys the backend first.
{
public:
	OperatorSetup(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment);
		/// Parses the command line (arguments without the program name).
		/// Throws config::ConfigException.
	~OperatorSetup();

	bool helpRequested() const;
	bool versionRequested() const;
	void printHelp(std::ostream& out) const;
	static void printVersion(std::ostream& out);

	std::string peek(const std::string& key) const;
		/// The not yet validated value of a built-in key; used to set up
		/// logging before the backend is loaded.

	void prepare();
		/// Loads the backend plugin named by `backend`, adds its keys, resolves
		/// and validates the configuration, lets the backend validate it, reads
		/// the leader election settings and the cluster connection (kubeconfig
		/// or in-cluster). Throws
		/// config::ConfigException, plugin::PluginLoadException or
		/// kube::KubeConfigException.

	const config::ResolvedConfig& resolved() const;
	const config::Settings& settings() const;
	plugin::Backend& backend() const;
	const std::string& backendLibrary() const;
	const kube::ClusterConnection& connection() const;
	const election::LeaderElectionConfig& election() const;
		/// Leader election settings; `leader-elect=auto` is resolved (on when
		/// the in-cluster configuration is used). The namespace is left to
		/// the caller.
	std::vector<std::string> secretValues() const;
		/// The values of every key marked secret and the cluster credentials,
		/// for the log redactor.

private:
	config::ConfigSchema _schema;
	config::CommandLine _commandLine;
	config::ConfigLoader _loader;
	config::ResolvedConfig _resolved;
	std::unique_ptr<config::Settings> _settings;
	std::unique_ptr<plugin::PluginLoader> _plugins;
	std::unique_ptr<plugin::Backend> _backend;
	std::string _backendLibrary;
	kube::ClusterConnection _connection;
	election::LeaderElectionConfig _election;
};

} } // namespace sbomop::app

#endif // SBOMOP_App_OperatorSetup_INCLUDED
