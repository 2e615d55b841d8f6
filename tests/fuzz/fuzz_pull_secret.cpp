//
// fuzz_pull_secret.cpp
//
// The pull-secret parser (DockerConfig) and the credential lookup behind it.
// The first byte picks the entry point:
//   '0' kubernetes.io/dockerconfigjson with the rest base64-encoded as data,
//   '1' kubernetes.io/dockercfg with the rest base64-encoded as data,
//   '2' the rest split at the first newline into secret type and raw
//       (undecoded) `.dockerconfigjson` data, for the base64 and type checks,
//   '3' parseConfigJson() on the rest,
//   anything else parseDockerCfg() on the rest.
// Only InvalidPullSecretException may escape; exception messages and
// credential descriptions never carry a password or token; every usable
// entry is found again by resolving an image on its own registry key.
//

#include "FuzzCheck.h"
// Relative to this file: the fuzz build has only the framework headers on its include path.
#include "../support/common/Base64Text.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/registry/CredentialResolver.h"
#include "sbomop/registry/DockerConfig.h"
#include "sbomop/registry/RegistryException.h"
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>

using sbomop::fuzz::check;
using sbomop::image::ImageReference;
using sbomop::registry::CredentialResolver;
using sbomop::registry::DockerConfig;
using sbomop::registry::InvalidPullSecretException;
using sbomop::registry::RegistryCredentials;

namespace {

using sbomop::testcommon::base64;


DockerConfig parse(char mode, const std::string& rest)
{
	switch (mode)
	{
	case '0':
		return DockerConfig::parse(DockerConfig::DOCKER_CONFIG_JSON_TYPE, {{DockerConfig::DOCKER_CONFIG_JSON_KEY, base64(rest)}});
	case '1':
		return DockerConfig::parse(DockerConfig::DOCKERCFG_TYPE, {{DockerConfig::DOCKERCFG_KEY, base64(rest)}});
	case '2':
	{
		const std::string::size_type newline = rest.find('\n');
		const std::string type = rest.substr(0, newline);
		const std::string value = newline == std::string::npos ? std::string() : rest.substr(newline + 1);
		return DockerConfig::parse(type, {{DockerConfig::DOCKER_CONFIG_JSON_KEY, value}, {DockerConfig::DOCKERCFG_KEY, value}});
	}
	case '3':
		return DockerConfig::parseConfigJson(rest);
	default:
		return DockerConfig::parseDockerCfg(rest);
	}
}


// Text meant for logs must not depend on a secret's content: the same text
// comes out when the secret is replaced by another of the same length.
std::string masked(const std::string& secret)
{
	return std::string(secret.size(), secret.empty() || secret[0] != 'Q' ? 'Q' : 'Z');
}

bool isPlain(const std::string& text)
{
	for (char c: text)
	{
		if (c < 0x20 || c > 0x7e) return false;
	}
	return true;
}


void checkResolvable(const DockerConfig& config)
{
	CredentialResolver resolver;
	resolver.addSource("fuzz", config);
	check(resolver.sourceCount() == 1, "addSource() counts the source");
	for (const RegistryCredentials& entry: config.entries())
	{
		const RegistryCredentials other(entry.registry(), entry.username(), masked(entry.password()), masked(entry.token()));
		check(entry.toString() == other.toString(), "toString() does not show the password or token", entry.toString());

		ImageReference image;
		try
		{
			// The key as an image name: `host[:port][/path]` plus a repository.
			std::string key = entry.registry();
			const std::string::size_type scheme = key.find("://");
			if (scheme != std::string::npos) key.erase(0, scheme + 3);
			image = ImageReference::parse(key + (key.empty() || key.back() == '/' ? "" : "/") + "fuzz/image");
		}
		catch (sbomop::image::InvalidImageReferenceException&)
		{
			continue;
		}
		const RegistryCredentials resolved = resolver.resolve(image);
		check(resolved.empty() || resolved.registry() == image.registry(), "resolved credentials name the image's registry", image.string());
		for (const auto& candidate: resolver.candidates(image))
		{
			check(candidate.source == "fuzz", "candidates name their source", candidate.key);
			check(!candidate.credentials.empty(), "candidates carry credentials", candidate.key);
		}
	}
	resolver.resolve(ImageReference::parse("nginx"));
	resolver.resolve(ImageReference::parse("registry.example.com:5000/team/app:1"));
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	if (size == 0) return 0;
	const char mode = static_cast<char>(data[0]);
	const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
	DockerConfig config;
	try
	{
		config = parse(mode, rest);
	}
	catch (InvalidPullSecretException& exc)
	{
		// Messages name keys and fields, never values: with the first
		// password value replaced, the message stays the same. Mode '2'
		// quotes the secret type by design, so it is left out.
		const std::string field = "\"password\":\"";
		const std::string::size_type at = rest.find(field);
		const std::string::size_type start = at == std::string::npos ? at : at + field.size();
		const std::string::size_type end = at == std::string::npos ? at : rest.find('"', start);
		// Only plain values: no escapes anywhere, printable ASCII (a control
		// byte may make the JSON invalid, which is no leak).
		if (mode != '2' && end != std::string::npos && end > start && rest.find('\\') == std::string::npos && isPlain(rest.substr(start, end - start)))
		{
			std::string other = rest;
			other.replace(start, end - start, masked(rest.substr(start, end - start)));
			std::string otherMessage;
			try
			{
				parse(mode, other);
			}
			catch (InvalidPullSecretException& again)
			{
				otherMessage = again.message();
			}
			check(otherMessage == exc.message(), "errors do not depend on a password", exc.message() + " / " + otherMessage);
		}
		return 0;
	}
	checkResolvable(config);
	return 0;
}
