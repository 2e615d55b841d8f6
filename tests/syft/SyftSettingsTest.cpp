//
// SyftSettingsTest.cpp
//

#include "SyftTestSupport.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/syft/ExecutableLocator.h"
#include "sbomop/syft/SyftSettings.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <sys/stat.h>
#include <sys/utsname.h>

using namespace sbomop::testing;
using sbomop::config::BuiltinKeys;
using sbomop::config::ConfigException;
using sbomop::syft::ExecutableLocator;
using sbomop::syft::SyftSettings;

namespace
{
	using Config = Poco::AutoPtr<Poco::Util::MapConfiguration>;

	Config configWith(const std::map<std::string, std::string>& values)
	{
		Config config(new Poco::Util::MapConfiguration);
		config->setString(BuiltinKeys::SYFT_PATH, doublePath());
		for (const auto& entry: values) config->setString(entry.first, entry.second);
		return config;
	}

	std::string messageOf(const std::function<void()>& call)
	{
		try
		{
			call();
		}
		catch (ConfigException& exc)
		{
			return exc.message();
		}
		return "no error";
	}

	std::string loadMessage(const std::map<std::string, std::string>& values)
	{
		const Config config = configWith(values);
		return messageOf([&] { SyftSettings::load(*config); });
	}
}


class SyftSettingsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SyftSettingsTest);
	CPPUNIT_TEST(testSyftKeysFollowTheCommonGroupWithTheirDefaults);
	CPPUNIT_TEST(testMissingKeysTakeTheKeyTableDefaults);
	CPPUNIT_TEST(testReadsEveryKey);
	CPPUNIT_TEST(testTimeoutAndConcurrencyMustBeInRange);
	CPPUNIT_TEST(testPlatformMustBeOsArchWithOptionalVariant);
	CPPUNIT_TEST(testInvalidFormatVersionIsAStartupError);
	CPPUNIT_TEST(testLooksUpSyftInSearchPath);
	CPPUNIT_TEST(testMissingSyftNamesTheKeyAndWhatWasSearched);
	CPPUNIT_TEST(testNonExecutableSyftIsRejected);
	CPPUNIT_TEST(testWarnsWhenDependencyTrackGetsCycloneDx17);
	CPPUNIT_TEST(testHostPlatformFollowsTheMachine);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSyftKeysFollowTheCommonGroupWithTheirDefaults()
	{
		const auto schema = BuiltinKeys::schema();
		CPPUNIT_ASSERT_EQUAL(std::string("common"), schema.groups().at(0));
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), schema.groups().at(1));
		CPPUNIT_ASSERT_EQUAL(std::string("Syft backend"), schema.groupTitle("syft"));
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), schema.get("syft-path").defaultValue());
		CPPUNIT_ASSERT_EQUAL(std::string("600"), schema.get("syft-timeout").defaultValue());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 1 to 86400 (seconds)"), schema.get("syft-timeout").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("2"), schema.get("scan-concurrency").defaultValue());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 1 to 64"), schema.get("scan-concurrency").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string(""), schema.get("platform").defaultValue());
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_SCAN_CONCURRENCY"), schema.get("scan-concurrency").envName());
		for (const char* key: { "syft-path", "syft-timeout", "scan-concurrency", "platform" })
			CPPUNIT_ASSERT_EQUAL(std::string("syft"), schema.get(key).group());
	}

	void testMissingKeysTakeTheKeyTableDefaults()
	{
		const Config config = configWith({});
		const SyftSettings settings = SyftSettings::load(*config);
		CPPUNIT_ASSERT_EQUAL(std::string("json"), settings.format().name());
		CPPUNIT_ASSERT_EQUAL(std::string(""), settings.formatVersion());
		CPPUNIT_ASSERT(std::vector<std::string>{"git"} == settings.targets());
		CPPUNIT_ASSERT_EQUAL(600, settings.timeoutSeconds());
		CPPUNIT_ASSERT_EQUAL(2, settings.concurrency());
		CPPUNIT_ASSERT_EQUAL(SyftSettings::hostPlatform(), settings.platform());
		CPPUNIT_ASSERT_EQUAL(doublePath(), settings.syftPath());
	}

	void testReadsEveryKey()
	{
		const Config config = configWith({ { "format", "cyclonedxjson" }, { "format-version", "1.5" }, { "targets", "dtrack, git" },
			{ "syft-timeout", "90" }, { "scan-concurrency", "8" }, { "platform", "linux/arm64/v8" } });
		const SyftSettings settings = SyftSettings::load(*config);
		CPPUNIT_ASSERT_EQUAL(std::string("cyclonedx-json"), settings.format().syftId());
		CPPUNIT_ASSERT_EQUAL(std::string("1.5"), settings.formatVersion());
		CPPUNIT_ASSERT((std::vector<std::string>{"dtrack", "git"}) == settings.targets());
		CPPUNIT_ASSERT_EQUAL(90, settings.timeoutSeconds());
		CPPUNIT_ASSERT_EQUAL(8, settings.concurrency());
		CPPUNIT_ASSERT_EQUAL(std::string("linux/arm64/v8"), settings.platform());
	}

	void testTimeoutAndConcurrencyMustBeInRange()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"0\" for key 'syft-timeout': out of range; allowed: integer from 1 to 86400 (seconds)"),
			loadMessage({ { "syft-timeout", "0" } }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"86401\" for key 'syft-timeout': out of range; allowed: integer from 1 to 86400 (seconds)"),
			loadMessage({ { "syft-timeout", "86401" } }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"65\" for key 'scan-concurrency': out of range; allowed: integer from 1 to 64"),
			loadMessage({ { "scan-concurrency", "65" } }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"two\" for key 'scan-concurrency': not an integer; allowed: integer from 1 to 64"),
			loadMessage({ { "scan-concurrency", "two" } }));
		CPPUNIT_ASSERT_EQUAL(std::string("no error"), loadMessage({ { "scan-concurrency", "64" }, { "syft-timeout", "86400" } }));
	}

	void testPlatformMustBeOsArchWithOptionalVariant()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"arm64\" for key 'platform': not an os/arch[/variant] platform such as "
			"linux/amd64 or linux/arm64/v8; allowed: os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8"),
			loadMessage({ { "platform", "arm64" } }));
		CPPUNIT_ASSERT(loadMessage({ { "platform", "linux/arm64/v8/x" } }) != "no error");
		CPPUNIT_ASSERT(loadMessage({ { "platform", "Linux/AMD64" } }) != "no error");
		CPPUNIT_ASSERT_EQUAL(std::string("no error"), loadMessage({ { "platform", "linux/amd64" } }));
		CPPUNIT_ASSERT_EQUAL(std::string("no error"), loadMessage({ { "platform", "linux/arm/v7" } }));
	}

	void testInvalidFormatVersionIsAStartupError()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"2.3\" for key 'format-version': format cyclonedxjson (Syft cyclonedx-json) "
			"has no such version; allowed: 1.2, 1.3, 1.4, 1.5, 1.6, 1.7"),
			loadMessage({ { "format", "cyclonedxjson" }, { "format-version", "2.3" } }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"xml\" for key 'format': not an allowed value; allowed: one of json, syftjson, "
			"cyclonedxjson, cyclonedx, cyclone, cyclonedxxml, spdxjson, spdx, spdxtv, spdxtagvalue, github, githubjson, text, table"),
			loadMessage({ { "format", "xml" } }));
	}

	void testLooksUpSyftInSearchPath()
	{
		CPPUNIT_ASSERT_EQUAL(doublePath(), ExecutableLocator::locate("syft-path", "syft", "/nonexistent:" + doubleDirectory() + ":/usr/bin"));
		CPPUNIT_ASSERT_EQUAL(doublePath(), ExecutableLocator::locate("syft-path", doublePath(), ""));
		CPPUNIT_ASSERT_EQUAL(std::string("/bin/sh"), ExecutableLocator::locate("syft-path", "sh", "/bin"));
	}

	void testMissingSyftNamesTheKeyAndWhatWasSearched()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"syft\" for key 'syft-path': no executable syft found in PATH (/nonexistent:/also-not); "
			"allowed: an executable file name looked up in PATH, or a path to one"),
			messageOf([] { ExecutableLocator::locate("syft-path", "syft", "/nonexistent:/also-not"); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"/opt/none/syft\" for key 'syft-path': no executable file at /opt/none/syft; "
			"allowed: an executable file name looked up in PATH, or a path to one"),
			loadMessage({ { "syft-path", "/opt/none/syft" } }));
		CPPUNIT_ASSERT_EQUAL(std::string("missing value for key 'syft-path': the syft backend needs the Syft executable"),
			loadMessage({ { "syft-path", "" } }));
	}

	void testNonExecutableSyftIsRejected()
	{
		TempDir dir;
		writeFile(dir.file("syft"), "#!/bin/sh\nexit 0\n", 0644);
		CPPUNIT_ASSERT(!ExecutableLocator::isExecutableFile(dir.file("syft")));
		CPPUNIT_ASSERT_THROW(ExecutableLocator::locate("syft-path", "syft", dir.path()), ConfigException);
		// A directory is never a program, also for root.
		CPPUNIT_ASSERT(!ExecutableLocator::isExecutableFile(dir.path()));
		CPPUNIT_ASSERT_THROW(ExecutableLocator::locate("syft-path", "sub", dir.path()), ConfigException);
		::chmod(dir.file("syft").c_str(), 0755);
		CPPUNIT_ASSERT_EQUAL(dir.file("syft"), ExecutableLocator::locate("syft-path", "syft", dir.path()));
	}

	void testWarnsWhenDependencyTrackGetsCycloneDx17()
	{
		const auto warnings = [](const std::map<std::string, std::string>& values) {
			const Config config = configWith(values);
			return SyftSettings::load(*config).warnings();
		};
		const auto byDefault = warnings({ { "targets", "dtrack" }, { "format", "cyclonedxjson" } });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), byDefault.size());
		CPPUNIT_ASSERT_EQUAL(std::string("target dtrack receives CycloneDX 1.7 (Syft's default for cyclonedx-json), which "
			"Dependency-Track 4.14 and older reject; set --format-version=1.6 unless your Dependency-Track accepts 1.7"), byDefault[0]);
		const auto pinned = warnings({ { "targets", "git,dtrack" }, { "format", "cyclonedx" }, { "format-version", "1.7" } });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), pinned.size());
		CPPUNIT_ASSERT(pinned[0].find("(format-version 1.7)") != std::string::npos);
		CPPUNIT_ASSERT(warnings({ { "targets", "dtrack" }, { "format", "cyclonedxjson" }, { "format-version", "1.6" } }).empty());
		CPPUNIT_ASSERT(warnings({ { "targets", "git" }, { "format", "cyclonedxjson" } }).empty());
	}

	void testHostPlatformFollowsTheMachine()
	{
		struct utsname name;
		CPPUNIT_ASSERT_EQUAL(0, ::uname(&name));
		const std::string machine = name.machine;
		if (machine == "x86_64") CPPUNIT_ASSERT_EQUAL(std::string("linux/amd64"), SyftSettings::hostPlatform());
		else if (machine == "aarch64") CPPUNIT_ASSERT_EQUAL(std::string("linux/arm64"), SyftSettings::hostPlatform());
		else CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), SyftSettings::hostPlatform().find("linux/"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SyftSettingsTest, "Syft");
