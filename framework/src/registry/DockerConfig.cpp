//
// DockerConfig.cpp
//

#include "sbomop/registry/DockerConfig.h"
#include "sbomop/registry/RegistryException.h"
#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <iterator>
#include <sstream>

namespace sbomop {
namespace registry {

namespace {

[[noreturn]] void fail(const std::string& problem)
{
	// Never attach the parser's exception: its message may quote the content.
	throw InvalidPullSecretException(problem);
}


// Standard alphabet with padding, as Kubernetes and Docker write it; Poco's
// decoder alone is lenient about truncated input.
bool isStrictBase64(const std::string& text)
{
	std::size_t length = 0;
	std::size_t padding = 0;
	for (char c: text)
	{
		if (c == '\n' || c == '\r') continue;
		const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
		if (c == '=') ++padding;
		else if (!alphabet || padding > 0) return false;
		++length;
	}
	return length % 4 == 0 && padding <= 2;
}


bool decodeBase64(const std::string& encoded, std::string& decoded)
{
	if (!isStrictBase64(encoded)) return false;
	try
	{
		std::istringstream istr(encoded);
		Poco::Base64Decoder decoder(istr);
		decoded.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
		return true;
	}
	catch (Poco::Exception&)
	{
		return false;
	}
}


std::string describe(const std::string& key, const std::string& where)
{
	return "entry \"" + key + "\" in " + where;
}


std::string stringField(const Poco::JSON::Object& entry, const std::string& name, const std::string& key, const std::string& where)
{
	const Poco::Dynamic::Var value = entry.get(name);
	if (value.isEmpty()) return std::string();
	if (!value.isString()) fail("field \"" + name + "\" of " + describe(key, where) + " is not a string");
	return value.extract<std::string>();
}


RegistryCredentials parseEntry(const std::string& key, const Poco::Dynamic::Var& value, const std::string& where)
{
	if (value.type() != typeid(Poco::JSON::Object::Ptr)) fail(describe(key, where) + " is not a JSON object");
	const Poco::JSON::Object::Ptr entry = value.extract<Poco::JSON::Object::Ptr>();

	std::string username = stringField(*entry, "username", key, where);
	std::string password = stringField(*entry, "password", key, where);
	const std::string auth = stringField(*entry, "auth", key, where);
	std::string token = stringField(*entry, "registrytoken", key, where);
	if (token.empty()) token = stringField(*entry, "identitytoken", key, where);

	// Explicit username/password win over `auth`, as in the Go operator.
	if (username.empty() && password.empty() && !auth.empty())
	{
		std::string decoded;
		if (!decodeBase64(auth, decoded)) fail("field \"auth\" of " + describe(key, where) + " is not valid base64");
		const std::string::size_type colon = decoded.find(':');
		if (colon == std::string::npos) fail("field \"auth\" of " + describe(key, where) + " is not \"username:password\"");
		username = decoded.substr(0, colon);
		password = decoded.substr(colon + 1);
		const std::string::size_type end = password.find_last_not_of('\0');
		password.erase(end == std::string::npos ? 0 : end + 1);
	}
	return RegistryCredentials(key, username, password, token);
}

} // namespace


const std::string DockerConfig::DOCKER_CONFIG_JSON_TYPE = "kubernetes.io/dockerconfigjson";
const std::string DockerConfig::DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";
const std::string DockerConfig::DOCKERCFG_TYPE = "kubernetes.io/dockercfg";
const std::string DockerConfig::DOCKERCFG_KEY = ".dockercfg";


DockerConfig::DockerConfig()
{
}


DockerConfig DockerConfig::parse(const std::string& secretType, const std::map<std::string, std::string>& data)
{
	bool authsWrapper = true;
	std::string key;
	if (secretType == DOCKER_CONFIG_JSON_TYPE)
	{
		key = DOCKER_CONFIG_JSON_KEY;
	}
	else if (secretType == DOCKERCFG_TYPE)
	{
		key = DOCKERCFG_KEY;
		authsWrapper = false;
	}
	else
	{
		fail("unsupported secret type \"" + secretType + "\" (expected " + DOCKER_CONFIG_JSON_TYPE + " or " + DOCKERCFG_TYPE + ")");
	}

	const std::string where = "data[" + key + "]";
	const auto it = data.find(key);
	if (it == data.end()) fail(where + " is missing");
	std::string json;
	if (!decodeBase64(it->second, json)) fail(where + " is not valid base64");
	return parseJson(json, authsWrapper, where);
}


DockerConfig DockerConfig::parseConfigJson(const std::string& json)
{
	return parseJson(json, true, "Docker config");
}


DockerConfig DockerConfig::parseDockerCfg(const std::string& json)
{
	return parseJson(json, false, "legacy Docker config");
}


DockerConfig DockerConfig::parseJson(const std::string& json, bool authsWrapper, const std::string& where)
{
	Poco::Dynamic::Var root;
	try
	{
		Poco::JSON::Parser parser;
		root = parser.parse(json);
	}
	catch (Poco::Exception&)
	{
		fail(where + " is not valid JSON");
	}
	if (root.type() != typeid(Poco::JSON::Object::Ptr)) fail(where + " is not a JSON object");
	Poco::JSON::Object::Ptr registries = root.extract<Poco::JSON::Object::Ptr>();

	DockerConfig config;
	if (authsWrapper)
	{
		const Poco::Dynamic::Var auths = registries->get("auths");
		if (auths.isEmpty()) return config;
		if (auths.type() != typeid(Poco::JSON::Object::Ptr)) fail("\"auths\" in " + where + " is not a JSON object");
		registries = auths.extract<Poco::JSON::Object::Ptr>();
	}
	for (const auto& entry: *registries)
	{
		config._entries.push_back(parseEntry(entry.first, entry.second, where));
	}
	return config;
}


} } // namespace sbomop::registry
