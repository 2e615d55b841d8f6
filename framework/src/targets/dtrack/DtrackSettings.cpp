//
// DtrackSettings.cpp
//

#include "sbomop/targets/dtrack/DtrackSettings.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/targets/SbomFormat.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/RegularExpression.h>
#include <Poco/URI.h>
#include <Poco/UUID.h>

namespace sbomop {
namespace targets {

using config::BuiltinKeys;
using config::ConfigException;

namespace
{
	const std::string CYCLONEDX_FORMATS = "cyclonedxjson, cyclonedx, cyclone, cyclonedxxml";

	void requireValue(const Poco::Util::AbstractConfiguration& config, const char* key, const std::string& reason)
	{
		if (config.getString(key, "").empty()) throw ConfigException::missingValue(key, reason);
	}

	void requireReadable(const Poco::Util::AbstractConfiguration& config, const char* key)
	{
		const std::string path = config.getString(key, "");
		if (path.empty()) return;
		bool readable = false;
		try
		{
			Poco::File file(path);
			readable = file.exists() && file.isFile() && file.canRead();
		}
		catch (Poco::Exception&)
		{
		}
		if (!readable) throw ConfigException::invalidValue(key, path, false, "", "not a readable file", "a readable PEM file");
	}

	void checkUrl(const std::string& url)
	{
		bool valid = false;
		try
		{
			const Poco::URI uri(url);
			valid = (uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty()
				&& uri.getQuery().empty() && uri.getFragment().empty() && uri.getUserInfo().empty();
		}
		catch (Poco::Exception&)
		{
		}
		if (!valid)
		{
			throw ConfigException::invalidValue(BuiltinKeys::DTRACK_BASE_URL, url, false, "",
				"not an http(s) URL of the API server", "an http:// or https:// URL");
		}
	}
}


void DtrackSettings::validate(const Poco::Util::AbstractConfiguration& config)
{
	const std::string format = config.getString(BuiltinKeys::FORMAT, "json");
	bool cycloneDx = false;
	try
	{
		cycloneDx = SbomFormat::forName(format).isCycloneDx();
	}
	catch (ConfigException&)
	{
	}
	if (!cycloneDx)
	{
		throw ConfigException::invalidValue(BuiltinKeys::FORMAT, format, false, "",
			"target dtrack accepts CycloneDX only", CYCLONEDX_FORMATS);
	}
	requireValue(config, BuiltinKeys::DTRACK_BASE_URL, "required by target dtrack");
	requireValue(config, BuiltinKeys::DTRACK_API_KEY, "required by target dtrack");
	checkUrl(config.getString(BuiltinKeys::DTRACK_BASE_URL));

	// A private CA alone is fine; a client certificate needs its key and back.
	const bool cert = !config.getString(BuiltinKeys::DTRACK_CLIENT_CERT_FILE, "").empty();
	const bool key = !config.getString(BuiltinKeys::DTRACK_CLIENT_KEY_FILE, "").empty();
	if (cert) requireValue(config, BuiltinKeys::DTRACK_CLIENT_KEY_FILE, std::string("required when ") + BuiltinKeys::DTRACK_CLIENT_CERT_FILE + " is set");
	if (key) requireValue(config, BuiltinKeys::DTRACK_CLIENT_CERT_FILE, std::string("required when ") + BuiltinKeys::DTRACK_CLIENT_KEY_FILE + " is set");
	requireReadable(config, BuiltinKeys::DTRACK_CA_CERT_FILE);
	requireReadable(config, BuiltinKeys::DTRACK_CLIENT_CERT_FILE);
	requireReadable(config, BuiltinKeys::DTRACK_CLIENT_KEY_FILE);

	const std::string parent = config.getString(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT, "");
	Poco::UUID uuid;
	if (!parent.empty() && !uuid.tryParse(parent))
	{
		throw ConfigException::invalidValue(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT, parent, false, "",
			"not a project UUID", "a UUID such as 0b6a4f43-3c0e-4f9a-9a57-2a3d5b8e6c90");
	}
	const std::string matcher = config.getString(BuiltinKeys::DTRACK_LABEL_TAG_MATCHER, "");
	try
	{
		if (!matcher.empty()) Poco::RegularExpression check(matcher);
	}
	catch (Poco::RegularExpressionException& e)
	{
		throw ConfigException::invalidValue(BuiltinKeys::DTRACK_LABEL_TAG_MATCHER, matcher, false, "",
			"not a regular expression: " + e.message(), "a regular expression");
	}
}


DtrackSettings DtrackSettings::fromConfig(const Poco::Util::AbstractConfiguration& config, const std::string& clusterId)
{
	DtrackSettings settings;
	settings.client.baseUrl = config.getString(BuiltinKeys::DTRACK_BASE_URL, "");
	settings.client.apiKey = config.getString(BuiltinKeys::DTRACK_API_KEY, "");
	settings.client.caCertFile = config.getString(BuiltinKeys::DTRACK_CA_CERT_FILE, "");
	settings.client.clientCertFile = config.getString(BuiltinKeys::DTRACK_CLIENT_CERT_FILE, "");
	settings.client.clientKeyFile = config.getString(BuiltinKeys::DTRACK_CLIENT_KEY_FILE, "");
	settings.client.insecureSkipTlsVerify = config.getBool(BuiltinKeys::DTRACK_INSECURE_SKIP_TLS_VERIFY, false);

	settings.naming.clusterId = clusterId.empty() ? config.getString(BuiltinKeys::KUBERNETES_CLUSTER_ID, "default") : clusterId;
	if (settings.naming.clusterId.empty()) settings.naming.clusterId = "default";
	settings.naming.prefixMode = config.getString(BuiltinKeys::DTRACK_KUBERNETES_CLUSTER_ID_MODE, "tag") == "prefix";
	settings.naming.useShortName = config.getBool(BuiltinKeys::DTRACK_USE_SHORT_NAME, false);
	settings.naming.labelTagMatcher = config.getString(BuiltinKeys::DTRACK_LABEL_TAG_MATCHER, "");
	settings.naming.parentAnnotationKey = config.getString(BuiltinKeys::DTRACK_PARENT_PROJECT_ANNOTATION_KEY, "");
	settings.naming.projectNameAnnotationKey = config.getString(BuiltinKeys::DTRACK_PROJECT_NAME_ANNOTATION_KEY, "");
	settings.naming.defaultParentProject = config.getString(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT, "");
	settings.manageActiveStatus = config.getBool(BuiltinKeys::DTRACK_MANAGE_PROJECT_ACTIVE_STATUS, false);
	return settings;
}


} } // namespace sbomop::targets
