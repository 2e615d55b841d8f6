//
// ClusterConnectionLoader.cpp
//

#include "sbomop/kube/ClusterConnectionLoader.h"
#include "sbomop/kube/KubeConfigFile.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

namespace sbomop {
namespace kube {

namespace
{
	const std::string SERVICE_HOST = "KUBERNETES_SERVICE_HOST";
	const std::string SERVICE_PORT = "KUBERNETES_SERVICE_PORT";

	std::string variable(const ClusterConnectionLoader::Environment& env, const std::string& name)
	{
		const auto it = env.find(name);
		return it == env.end() ? std::string() : Poco::trim(it->second);
	}

	std::string readServiceAccountFile(const std::string& file, const std::string& what)
	{
		try
		{
			Poco::FileInputStream stream(file);
			std::string content;
			Poco::StreamCopier::copyToString(stream, content);
			return content;
		}
		catch (Poco::Exception& e)
		{
			throw KubeConfigException("in-cluster configuration: cannot read the service account " + what + " " + file + ": " + e.displayText());
		}
	}
}

const std::string ClusterConnectionLoader::DEFAULT_SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

ClusterConnectionLoader::Environment ClusterConnectionLoader::processEnvironment()
{
	Environment env;
	for (const std::string& name: {SERVICE_HOST, SERVICE_PORT, std::string("KUBECONFIG"), std::string("HOME")})
	{
		if (Poco::Environment::has(name)) env[name] = Poco::Environment::get(name);
	}
	return env;
}

bool ClusterConnectionLoader::inClusterAvailable(const Environment& env)
{
	return !variable(env, SERVICE_HOST).empty() && !variable(env, SERVICE_PORT).empty();
}

ClusterConnection ClusterConnectionLoader::inCluster(const Environment& env, const std::string& serviceAccountDir)
{
	if (!inClusterAvailable(env))
	{
		throw KubeConfigException("in-cluster configuration: " + SERVICE_HOST + " and " + SERVICE_PORT + " must both be set");
	}
	std::string host = variable(env, SERVICE_HOST);
	if (host.find(':') != std::string::npos && host[0] != '[') host = "[" + host + "]";
	const Poco::Path dir = Poco::Path::forDirectory(serviceAccountDir);

	ClusterConnection connection;
	connection.server = "https://" + host + ":" + variable(env, SERVICE_PORT);
	connection.source = "in-cluster service account " + dir.toString();
	connection.tokenFile = Poco::Path(dir, "token").toString();
	// Read now to fail at startup; KubeClient re-reads it as it rotates.
	if (Poco::trim(readServiceAccountFile(connection.tokenFile, "token")).empty())
	{
		throw KubeConfigException("in-cluster configuration: the service account token " + connection.tokenFile + " is empty");
	}
	connection.certificateAuthorityFile = Poco::Path(dir, "ca.crt").toString();
	connection.certificateAuthorityData = readServiceAccountFile(connection.certificateAuthorityFile, "CA");
	const std::string namespaceFile = Poco::Path(dir, "namespace").toString();
	if (Poco::File(namespaceFile).exists())
	{
		const std::string ns = Poco::trim(readServiceAccountFile(namespaceFile, "namespace"));
		if (!ns.empty()) connection.defaultNamespace = ns;
	}
	connection.scheme();  // validates host and port
	return connection;
}

std::string ClusterConnectionLoader::kubeconfigPath(const std::string& setting, const Environment& env)
{
	if (!setting.empty()) return setting;
	const std::string list = variable(env, "KUBECONFIG");
	if (!list.empty())
	{
		const std::string first = Poco::trim(list.substr(0, list.find(':')));
		if (!first.empty()) return first;
	}
	const std::string home = variable(env, "HOME");
	if (home.empty()) return "";
	return Poco::Path::forDirectory(home).resolve(Poco::Path(".kube/config")).toString();
}

ClusterConnection ClusterConnectionLoader::load(const std::string& kubeconfigSetting, const std::string& contextSetting,
	const Environment& env, const std::string& serviceAccountDir)
{
	if (kubeconfigSetting.empty() && inClusterAvailable(env)) return inCluster(env, serviceAccountDir);
	const std::string path = kubeconfigPath(kubeconfigSetting, env);
	if (path.empty())
	{
		throw KubeConfigException("no Kubernetes configuration: not running in a cluster (" + SERVICE_HOST
			+ " unset), and neither a kubeconfig setting, KUBECONFIG nor HOME is set");
	}
	return KubeConfigFile::load(path, contextSetting);
}

} } // namespace sbomop::kube
