//
// RegistryHost.cpp
//

#include "sbomop/registry/RegistryHost.h"
#include <Poco/String.h>

namespace sbomop {
namespace registry {


const std::string RegistryHost::DOCKER_HUB = "docker.io";


bool RegistryHost::isDockerHub(const std::string& host)
{
	const std::string lower = Poco::toLower(host);
	return lower == DOCKER_HUB || lower == "index.docker.io" || lower == "registry-1.docker.io";
}


std::string RegistryHost::canonical(const std::string& host)
{
	return isDockerHub(host) ? DOCKER_HUB : Poco::toLower(host);
}


void RegistryHost::split(const std::string& hostPort, std::string& host, std::string& port)
{
	// For `[ipv6]:port` the port colon follows the closing bracket.
	const std::string::size_type searchFrom = hostPort.empty() || hostPort[0] != '[' ? 0 : hostPort.find(']');
	const std::string::size_type colon = searchFrom == std::string::npos ? std::string::npos : hostPort.find(':', searchFrom);
	if (colon == std::string::npos)
	{
		host = hostPort;
		port.clear();
	}
	else
	{
		host = hostPort.substr(0, colon);
		port = hostPort.substr(colon + 1);
	}
}


} } // namespace sbomop::registry
