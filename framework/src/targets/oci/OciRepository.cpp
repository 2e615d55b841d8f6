//
// OciRepository.cpp
//

#include "sbomop/targets/oci/OciRepository.h"
#include "sbomop/registry/RegistryHost.h"
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/RegularExpression.h>
#include <Poco/String.h>

namespace sbomop {
namespace targets {

namespace
{
	const std::string DOCKER_HUB_ENDPOINT = "registry-1.docker.io";

	bool looksLikeRegistry(const std::string& component)
	{
		return component.find_first_of(".:") != std::string::npos || component == "localhost";
	}

	void checkRepositoryPath(const std::string& path)
	{
		// The path grammar of the distribution specification.
		static const Poco::RegularExpression grammar(
			"^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*$");
		if (!grammar.match(path))
		{
			throw Poco::SyntaxException("invalid repository path \"" + path
				+ "\": lowercase letters, digits and separators (. _ __ -) between components joined by /");
		}
	}
}

OciRepository::OciRepository():
	_port(0)
{
}

OciRepository OciRepository::parse(const std::string& value)
{
	std::string rest = Poco::trim(value);
	if (rest.empty()) throw Poco::SyntaxException("empty repository");
	OciRepository result;
	result._scheme = "https";
	const std::string::size_type schemeEnd = rest.find("://");
	if (schemeEnd != std::string::npos)
	{
		result._scheme = Poco::toLower(rest.substr(0, schemeEnd));
		if (result._scheme != "https" && result._scheme != "http")
		{
			throw Poco::SyntaxException("unsupported scheme \"" + result._scheme + "\" (https or http)");
		}
		rest = rest.substr(schemeEnd + 3);
	}
	while (!rest.empty() && rest.back() == '/') rest.pop_back();
	const std::string::size_type slash = rest.find('/');
	const std::string first = rest.substr(0, slash);
	std::string path;
	if (slash != std::string::npos && looksLikeRegistry(first))
	{
		result._registry = first;
		path = rest.substr(slash + 1);
		std::string port;
		registry::RegistryHost::split(first, result._host, port);
		if (result._host.size() > 1 && result._host.front() == '[') result._host = result._host.substr(1, result._host.size() - 2);
		if (result._host.empty()) throw Poco::SyntaxException("no registry host in \"" + value + "\"");
		if (!port.empty())
		{
			unsigned number = 0;
			if (!Poco::NumberParser::tryParseUnsigned(port, number) || number == 0 || number > 65535)
			{
				throw Poco::SyntaxException("invalid port \"" + port + "\"");
			}
			result._port = static_cast<Poco::UInt16>(number);
		}
	}
	else if (looksLikeRegistry(first))
	{
		throw Poco::SyntaxException("no repository path after the registry \"" + first + "\"");
	}
	else
	{
		result._registry = registry::RegistryHost::DOCKER_HUB;
		result._host = DOCKER_HUB_ENDPOINT;
		path = rest.find('/') == std::string::npos ? "library/" + rest : rest;
	}
	if (registry::RegistryHost::isDockerHub(result._host))
	{
		result._host = DOCKER_HUB_ENDPOINT;
		if (path.find('/') == std::string::npos) path = "library/" + path;
	}
	if (result._port == 0) result._port = result._scheme == "https" ? 443 : 80;
	checkRepositoryPath(path);
	result._repository = path;
	return result;
}

std::string OciRepository::toString() const
{
	return _registry + "/" + _repository;
}

} } // namespace sbomop::targets
