//
// DtrackSettingsTest.cpp
//
// Startup validation of the dtrack keys.
//

#include "DtrackTestSupport.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/targets/dtrack/DtrackSettings.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop;
using namespace sbomop::dtracktest;
using config::BuiltinKeys;
using config::ConfigException;
using targets::DtrackSettings;

namespace {

const std::string KEY = "odt_secret_key_value_123456";

std::string failure(const Poco::Util::AbstractConfiguration& config, std::string& key)
{
	try
	{
		DtrackSettings::validate(config);
	}
	catch (ConfigException& e)
	{
		key = e.key();
		return e.message();
	}
	return std::string();
}

}

class DtrackSettingsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackSettingsTest);
	CPPUNIT_TEST(testCompleteConfigurationIsAccepted);
	CPPUNIT_TEST(testNonCycloneDxFormatIsAStartupError);
	CPPUNIT_TEST(testMissingBaseUrlAndKeyAreNamed);
	CPPUNIT_TEST(testBaseUrlMustBeHttp);
	CPPUNIT_TEST(testCaFileAloneTrustsAPrivateServer);
	CPPUNIT_TEST(testClientCertificateNeedsItsKey);
	CPPUNIT_TEST(testUnreadableTlsFileIsNamed);
	CPPUNIT_TEST(testDefaultParentMustBeAUuid);
	CPPUNIT_TEST(testSettingsAreReadFromTheKeys);
	CPPUNIT_TEST_SUITE_END();

public:
	void testCompleteConfigurationIsAccepted()
	{
		auto config = dtrackConfig("https://dtrack.example.com/base", KEY);
		config->setString(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT, "0b6a4f43-3c0e-4f9a-9a57-2a3d5b8e6c90");
		config->setString(BuiltinKeys::FORMAT, "cyclonedx");
		DtrackSettings::validate(*config);
	}

	void testNonCycloneDxFormatIsAStartupError()
	{
		auto config = dtrackConfig("http://dtrack:8080", KEY);
		config->setString(BuiltinKeys::FORMAT, "spdxjson");
		std::string key;
		const std::string message = failure(*config, key);
		CPPUNIT_ASSERT_EQUAL(std::string("format"), key);
		CPPUNIT_ASSERT(message.find("target dtrack accepts CycloneDX only") != std::string::npos);
		CPPUNIT_ASSERT(message.find("cyclonedxjson, cyclonedx, cyclone, cyclonedxxml") != std::string::npos);
	}

	void testMissingBaseUrlAndKeyAreNamed()
	{
		auto config = dtrackConfig("", KEY);
		std::string key;
		CPPUNIT_ASSERT(failure(*config, key).find("required by target dtrack") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::DTRACK_BASE_URL), key);
		config = dtrackConfig("http://dtrack", "");
		failure(*config, key);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::DTRACK_API_KEY), key);
	}

	void testBaseUrlMustBeHttp()
	{
		for (const char* url: {"ftp://dtrack.example.com", "dtrack.example.com", "http://", "https://dtrack?x=1"})
		{
			auto config = dtrackConfig(url, KEY);
			std::string key;
			const std::string message = failure(*config, key);
			CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::DTRACK_BASE_URL), key);
			CPPUNIT_ASSERT(message.find(KEY) == std::string::npos);
		}
	}

	void testCaFileAloneTrustsAPrivateServer()
	{
		// A private CA does not imply mutual TLS.
		auto config = dtrackConfig("https://dtrack", KEY);
		config->setString(BuiltinKeys::DTRACK_CA_CERT_FILE, std::string(SBOMOP_SOURCE_DIR) + "/README.md");
		std::string key;
		CPPUNIT_ASSERT_EQUAL(std::string(), failure(*config, key));
		config->setString(BuiltinKeys::DTRACK_CA_CERT_FILE, "/nonexistent/ca.pem");
		failure(*config, key);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::DTRACK_CA_CERT_FILE), key);
	}

	void testClientCertificateNeedsItsKey()
	{
		auto config = dtrackConfig("https://dtrack", KEY);
		config->setString(BuiltinKeys::DTRACK_CLIENT_CERT_FILE, "/etc/ssl/client.pem");
		std::string key;
		failure(*config, key);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::DTRACK_CLIENT_KEY_FILE), key);
	}

	void testUnreadableTlsFileIsNamed()
	{
		Poco::TemporaryFile existing;
		Poco::FileOutputStream(existing.path()) << "pem";
		auto config = dtrackConfig("https://dtrack", KEY);
		config->setString(BuiltinKeys::DTRACK_CA_CERT_FILE, existing.path());
		config->setString(BuiltinKeys::DTRACK_CLIENT_CERT_FILE, existing.path());
		config->setString(BuiltinKeys::DTRACK_CLIENT_KEY_FILE, existing.path() + ".missing");
		std::string key;
		const std::string message = failure(*config, key);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::DTRACK_CLIENT_KEY_FILE), key);
		CPPUNIT_ASSERT(message.find("not a readable file") != std::string::npos);
	}

	void testDefaultParentMustBeAUuid()
	{
		auto config = dtrackConfig("https://dtrack", KEY);
		config->setString(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT, "invalid-uuid");
		std::string key;
		failure(*config, key);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT), key);
	}

	void testSettingsAreReadFromTheKeys()
	{
		auto config = dtrackConfig("https://dtrack/", KEY);
		config->setString(BuiltinKeys::DTRACK_KUBERNETES_CLUSTER_ID_MODE, "prefix");
		config->setString(BuiltinKeys::DTRACK_USE_SHORT_NAME, "true");
		config->setString(BuiltinKeys::DTRACK_MANAGE_PROJECT_ACTIVE_STATUS, "true");
		config->setString(BuiltinKeys::KUBERNETES_CLUSTER_ID, "from-config");
		const DtrackSettings fromContext = DtrackSettings::fromConfig(*config, "prod");
		CPPUNIT_ASSERT_EQUAL(std::string("prod"), fromContext.naming.clusterId);
		CPPUNIT_ASSERT(fromContext.naming.prefixMode);
		CPPUNIT_ASSERT(fromContext.naming.useShortName);
		CPPUNIT_ASSERT(fromContext.manageActiveStatus);
		CPPUNIT_ASSERT_EQUAL(KEY, fromContext.client.apiKey);
		CPPUNIT_ASSERT_EQUAL(std::string("from-config"), DtrackSettings::fromConfig(*config, "").naming.clusterId);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackSettingsTest, "DtrackTarget");
