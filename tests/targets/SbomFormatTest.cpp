//
// SbomFormatTest.cpp
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/targets/SbomFormat.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::config::BuiltinKeys;
using sbomop::config::ConfigException;
using sbomop::targets::SbomFormat;

namespace
{
	struct Expected
	{
		const char* name;
		const char* syftId;
		const char* extension;
		const char* mediaType;
	};

	// The Go operator's names, Syft's IDs, the Go git target's extensions and
	// cosign's media types.
	const Expected TABLE[] = {
		{ "json", "syft-json", ".json", "application/vnd.syft+json" },
		{ "syftjson", "syft-json", ".json", "application/vnd.syft+json" },
		{ "cyclonedxjson", "cyclonedx-json", ".json", "application/vnd.cyclonedx+json" },
		{ "cyclonedx", "cyclonedx-xml", ".xml", "application/vnd.cyclonedx+xml" },
		{ "cyclone", "cyclonedx-xml", ".xml", "application/vnd.cyclonedx+xml" },
		{ "cyclonedxxml", "cyclonedx-xml", ".xml", "application/vnd.cyclonedx+xml" },
		{ "spdxjson", "spdx-json", ".json", "text/spdx+json" },
		{ "spdx", "spdx-tag-value", ".spdx", "text/spdx" },
		{ "spdxtv", "spdx-tag-value", ".spdx", "text/spdx" },
		{ "spdxtagvalue", "spdx-tag-value", ".spdx", "text/spdx" },
		{ "github", "github-json", ".json", "application/json" },
		{ "githubjson", "github-json", ".json", "application/json" },
		{ "text", "syft-text", ".txt", "text/plain" },
		{ "table", "syft-table", ".txt", "text/plain" },
	};

	std::string messageOf(const std::string& format, const std::string& version)
	{
		try
		{
			SbomFormat::forName(format).checkVersion(version);
		}
		catch (ConfigException& exc)
		{
			return exc.message();
		}
		return "accepted";
	}

	std::vector<std::string> acceptedVersions(const std::string& format)
	{
		static const char* CANDIDATES[] = { "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8",
			"2.0", "2.1", "2.2", "2.3", "2.4", "3.0", "3.1", "16.1.10", "1", "2", "latest" };
		std::vector<std::string> accepted;
		for (const char* candidate: CANDIDATES)
		{
			if (messageOf(format, candidate) == "accepted") accepted.push_back(candidate);
		}
		return accepted;
	}
}


class SbomFormatTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SbomFormatTest);
	CPPUNIT_TEST(testMapsEveryGoOperatorNameToSyft);
	CPPUNIT_TEST(testNamesAreExactlyTheFormatKeyValues);
	CPPUNIT_TEST(testAcceptsExactlySyftsVersionsPerFamily);
	CPPUNIT_TEST(testRejectsAVersionTheFamilyLacksWithTheAllowedList);
	CPPUNIT_TEST(testRejectsAnyVersionForFormatsWithoutVersions);
	CPPUNIT_TEST(testEmptyVersionMeansSyftsDefault);
	CPPUNIT_TEST(testOutputOptionAppendsTheVersion);
	CPPUNIT_TEST(testRejectsUnknownFormatListingTheNames);
	CPPUNIT_TEST(testAliasesCompareEqual);
	CPPUNIT_TEST(testRecognisesPlausibleDocuments);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMapsEveryGoOperatorNameToSyft()
	{
		for (const Expected& expected: TABLE)
		{
			const SbomFormat format = SbomFormat::forName(expected.name);
			CPPUNIT_ASSERT_EQUAL(std::string(expected.name), format.name());
			CPPUNIT_ASSERT_EQUAL(std::string(expected.syftId), format.syftId());
			CPPUNIT_ASSERT_EQUAL(std::string(expected.extension), format.fileExtension());
			CPPUNIT_ASSERT_EQUAL(std::string(expected.mediaType), format.mediaType());
		}
	}

	void testNamesAreExactlyTheFormatKeyValues()
	{
		const std::vector<std::string> keyValues = BuiltinKeys::schema().get(BuiltinKeys::FORMAT).allowedValues();
		CPPUNIT_ASSERT(keyValues == SbomFormat::names());
		CPPUNIT_ASSERT_EQUAL(sizeof(TABLE) / sizeof(TABLE[0]), SbomFormat::names().size());
	}

	void testAcceptsExactlySyftsVersionsPerFamily()
	{
		const std::vector<std::string> cdxJson = { "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" };
		const std::vector<std::string> cdxXml = { "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" };
		const std::vector<std::string> spdxJson = { "2.2", "2.3", "3.0" };
		const std::vector<std::string> spdxTv = { "2.1", "2.2", "2.3" };
		CPPUNIT_ASSERT(cdxJson == acceptedVersions("cyclonedxjson"));
		for (const char* name: { "cyclonedx", "cyclone", "cyclonedxxml" }) CPPUNIT_ASSERT(cdxXml == acceptedVersions(name));
		CPPUNIT_ASSERT(spdxJson == acceptedVersions("spdxjson"));
		for (const char* name: { "spdx", "spdxtv", "spdxtagvalue" }) CPPUNIT_ASSERT(spdxTv == acceptedVersions(name));
		for (const char* name: { "json", "syftjson", "github", "githubjson", "text", "table" })
			CPPUNIT_ASSERT(acceptedVersions(name).empty());
	}

	void testRejectsAVersionTheFamilyLacksWithTheAllowedList()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"1.1\" for key 'format-version': format cyclonedxjson (Syft cyclonedx-json) "
			"has no such version; allowed: 1.2, 1.3, 1.4, 1.5, 1.6, 1.7"), messageOf("cyclonedxjson", "1.1"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"1.8\" for key 'format-version': format cyclone (Syft cyclonedx-xml) "
			"has no such version; allowed: 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7"), messageOf("cyclone", "1.8"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"3.0\" for key 'format-version': format spdx (Syft spdx-tag-value) "
			"has no such version; allowed: 2.1, 2.2, 2.3"), messageOf("spdx", "3.0"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"2.1\" for key 'format-version': format spdxjson (Syft spdx-json) "
			"has no such version; allowed: 2.2, 2.3, 3.0"), messageOf("spdxjson", "2.1"));
		try
		{
			SbomFormat::forName("cyclonedxjson").checkVersion("1.6.0");
			CPPUNIT_FAIL("1.6.0 accepted");
		}
		catch (ConfigException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("format-version"), exc.key());
			CPPUNIT_ASSERT_EQUAL(std::string("1.6.0"), exc.displayValue());
			CPPUNIT_ASSERT_EQUAL(std::string("1.2, 1.3, 1.4, 1.5, 1.6, 1.7"), exc.allowed());
		}
	}

	void testRejectsAnyVersionForFormatsWithoutVersions()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"1.0\" for key 'format-version': format json (Syft syft-json) takes no version; "
			"allowed: no value (leave format-version empty)"), messageOf("json", "1.0"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"2.3\" for key 'format-version': format table (Syft syft-table) takes no version; "
			"allowed: no value (leave format-version empty)"), messageOf("table", "2.3"));
		CPPUNIT_ASSERT_THROW(SbomFormat::forName("githubjson").checkVersion("1"), ConfigException);
	}

	void testEmptyVersionMeansSyftsDefault()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("accepted"), messageOf("cyclonedxjson", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("accepted"), messageOf("json", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("1.7"), SbomFormat::forName("cyclonedxjson").effectiveVersion(""));
		CPPUNIT_ASSERT_EQUAL(std::string("1.7"), SbomFormat::forName("cyclonedx").effectiveVersion(""));
		CPPUNIT_ASSERT_EQUAL(std::string("2.3"), SbomFormat::forName("spdxjson").effectiveVersion(""));
		CPPUNIT_ASSERT_EQUAL(std::string("2.3"), SbomFormat::forName("spdxtv").effectiveVersion(""));
		CPPUNIT_ASSERT_EQUAL(std::string(""), SbomFormat::forName("json").effectiveVersion(""));
		CPPUNIT_ASSERT_EQUAL(std::string("1.6"), SbomFormat::forName("cyclonedxjson").effectiveVersion("1.6"));
	}

	void testOutputOptionAppendsTheVersion()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("cyclonedx-json@1.6"), SbomFormat::forName("cyclonedxjson").outputOption("1.6"));
		CPPUNIT_ASSERT_EQUAL(std::string("cyclonedx-xml"), SbomFormat::forName("cyclone").outputOption(""));
		CPPUNIT_ASSERT_EQUAL(std::string("spdx-tag-value@2.2"), SbomFormat::forName("spdxtagvalue").outputOption("2.2"));
		CPPUNIT_ASSERT_EQUAL(std::string("syft-json"), SbomFormat::forName("json").outputOption(""));
	}

	void testRejectsUnknownFormatListingTheNames()
	{
		try
		{
			SbomFormat::forName("cyclonedx-json");
			CPPUNIT_FAIL("Syft's own ID accepted as an operator name");
		}
		catch (ConfigException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"cyclonedx-json\" for key 'format': not a format of the syft backend; "
				"allowed: json, syftjson, cyclonedxjson, cyclonedx, cyclone, cyclonedxxml, spdxjson, spdx, spdxtv, spdxtagvalue, "
				"github, githubjson, text, table"), exc.message());
		}
	}

	void testAliasesCompareEqual()
	{
		CPPUNIT_ASSERT(SbomFormat::forName("cyclone") == SbomFormat::forName("cyclonedxxml"));
		CPPUNIT_ASSERT(SbomFormat::forName("json") == SbomFormat::forName("syftjson"));
		CPPUNIT_ASSERT(SbomFormat::forName("cyclonedxjson") != SbomFormat::forName("cyclonedx"));
		CPPUNIT_ASSERT(SbomFormat::forName("cyclonedx").isCycloneDx());
		CPPUNIT_ASSERT(SbomFormat::forName("cyclonedxjson").isCycloneDx());
		CPPUNIT_ASSERT(!SbomFormat::forName("spdxjson").isCycloneDx());
	}

	void testRecognisesPlausibleDocuments()
	{
		CPPUNIT_ASSERT(SbomFormat::forName("json").isPlausibleDocument(" {\"artifacts\":[]}\n"));
		CPPUNIT_ASSERT(!SbomFormat::forName("json").isPlausibleDocument("{\"artifacts\":["));
		CPPUNIT_ASSERT(!SbomFormat::forName("cyclonedxjson").isPlausibleDocument(std::string("\0\xff no", 5)));
		CPPUNIT_ASSERT(!SbomFormat::forName("spdxjson").isPlausibleDocument("  \n"));
		CPPUNIT_ASSERT(SbomFormat::forName("cyclonedx").isPlausibleDocument("<?xml version=\"1.0\"?><bom/>\n"));
		CPPUNIT_ASSERT(!SbomFormat::forName("cyclonedx").isPlausibleDocument("{}"));
		CPPUNIT_ASSERT(SbomFormat::forName("spdx").isPlausibleDocument("SPDXVersion: SPDX-2.3\n"));
		CPPUNIT_ASSERT(!SbomFormat::forName("spdx").isPlausibleDocument("DataLicense: CC0-1.0\n"));
		CPPUNIT_ASSERT(SbomFormat::forName("table").isPlausibleDocument("NAME VERSION TYPE\n"));
		CPPUNIT_ASSERT(!SbomFormat::forName("text").isPlausibleDocument("\n\n"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SbomFormatTest, "Targets");
