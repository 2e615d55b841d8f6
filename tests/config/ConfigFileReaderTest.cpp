//
// ConfigFileReaderTest.cpp
//

#include "sbomop/config/ConfigFileReader.h"
#include "ConfigTestSupport.h"
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::config;
using sbomop::config::test::TempConfigFile;
using sbomop::config::test::configMessageOf;

namespace
{
	const ConfigFileReader::Entry& entryOf(const std::vector<ConfigFileReader::Entry>& entries, const std::string& key)
	{
		for (const ConfigFileReader::Entry& entry: entries)
		{
			if (entry.key == key) return entry;
		}
		CPPUNIT_FAIL("no entry " + key);
		return entries.front();
	}
}


class ConfigFileReaderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigFileReaderTest);
	CPPUNIT_TEST(testPropertiesValuesAreLiteral);
	CPPUNIT_TEST(testJsonScalarsBecomeText);
	CPPUNIT_TEST(testJsonArrayIsMultiple);
	CPPUNIT_TEST(testJsonNestedObjectGivesDottedKey);
	CPPUNIT_TEST(testJsonArrayOfObjectsIsRejected);
	CPPUNIT_TEST(testJsonTopLevelMustBeObject);
	CPPUNIT_TEST(testMalformedJsonNamesFile);
	CPPUNIT_TEST(testXmlRepeatedElementIsListInDocumentOrder);
	CPPUNIT_TEST(testMalformedXmlNamesFile);
	CPPUNIT_TEST(testIniKeysBeforeSectionsAndDottedSectionKeys);
	CPPUNIT_TEST(testEntriesAreSortedByKey);
	CPPUNIT_TEST(testUnsupportedExtension);
	CPPUNIT_TEST(testMissingFile);
	CPPUNIT_TEST(testDirectoryIsRejected);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPropertiesValuesAreLiteral()
	{
		const TempConfigFile file("properties", "# comment\ngit-branch = develop\ngit-path: ${system.env.HOME}/x\n");
		const std::vector<ConfigFileReader::Entry> entries = ConfigFileReader::read(file.path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), entries.size());
		CPPUNIT_ASSERT_EQUAL(std::string("develop"), entryOf(entries, "git-branch").values.at(0));
		CPPUNIT_ASSERT_EQUAL(std::string("${system.env.HOME}/x"), entryOf(entries, "git-path").values.at(0));
		CPPUNIT_ASSERT(!entryOf(entries, "git-path").multiple);
	}

	void testJsonScalarsBecomeText()
	{
		const TempConfigFile file("json", R"({"job-timeout": 60, "once": true, "git-path": null, "git-branch": "dev", "ratio": 1.5})");
		const std::vector<ConfigFileReader::Entry> entries = ConfigFileReader::read(file.path());
		CPPUNIT_ASSERT_EQUAL(std::string("60"), entryOf(entries, "job-timeout").values.at(0));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), entryOf(entries, "once").values.at(0));
		CPPUNIT_ASSERT_EQUAL(std::string(""), entryOf(entries, "git-path").values.at(0));
		CPPUNIT_ASSERT_EQUAL(std::string("dev"), entryOf(entries, "git-branch").values.at(0));
		CPPUNIT_ASSERT_EQUAL(std::string("1.5"), entryOf(entries, "ratio").values.at(0));
	}

	void testJsonArrayIsMultiple()
	{
		const TempConfigFile file("json", R"({"registry-proxy": ["a=b", "c=d"], "targets": []})");
		const std::vector<ConfigFileReader::Entry> entries = ConfigFileReader::read(file.path());
		const ConfigFileReader::Entry& proxy = entryOf(entries, "registry-proxy");
		CPPUNIT_ASSERT(proxy.multiple);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), proxy.values.size());
		CPPUNIT_ASSERT_EQUAL(std::string("c=d"), proxy.values[1]);
		CPPUNIT_ASSERT(entryOf(entries, "targets").multiple);
		CPPUNIT_ASSERT(entryOf(entries, "targets").values.empty());
	}

	void testJsonNestedObjectGivesDottedKey()
	{
		const TempConfigFile file("json", R"({"git": {"branch": "main"}})");
		const std::vector<ConfigFileReader::Entry> entries = ConfigFileReader::read(file.path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), entries.size());
		CPPUNIT_ASSERT_EQUAL(std::string("git.branch"), entries[0].key);
	}

	void testJsonArrayOfObjectsIsRejected()
	{
		const TempConfigFile file("json", R"({"registry-proxy": [{"from": "a", "to": "b"}]})");
		CPPUNIT_ASSERT_EQUAL("cannot read config file '" + file.path() + "': key 'registry-proxy': arrays may only hold strings, numbers and booleans",
			configMessageOf([&] { ConfigFileReader::read(file.path()); }));
	}

	void testJsonTopLevelMustBeObject()
	{
		const TempConfigFile file("json", R"(["once"])");
		CPPUNIT_ASSERT_EQUAL("cannot read config file '" + file.path() + "': malformed JSON: the top level must be an object",
			configMessageOf([&] { ConfigFileReader::read(file.path()); }));
	}

	void testMalformedJsonNamesFile()
	{
		const TempConfigFile file("json", "{\"once\": tru");
		const std::string message = configMessageOf([&] { ConfigFileReader::read(file.path()); });
		const std::string prefix = "cannot read config file '" + file.path() + "': malformed JSON: ";
		CPPUNIT_ASSERT_EQUAL(prefix, message.substr(0, prefix.size()));
		CPPUNIT_ASSERT(message.size() > prefix.size());
		CPPUNIT_ASSERT(message.find('\n') == std::string::npos);
	}

	void testXmlRepeatedElementIsListInDocumentOrder()
	{
		std::string xml = "<config><job-timeout>60</job-timeout>";
		for (int i = 0; i < 12; ++i) xml += "<registry-proxy>r" + std::to_string(i) + "=m</registry-proxy>";
		xml += "</config>";
		const TempConfigFile file("xml", xml);
		const std::vector<ConfigFileReader::Entry> entries = ConfigFileReader::read(file.path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), entries.size());
		CPPUNIT_ASSERT_EQUAL(std::string("60"), entryOf(entries, "job-timeout").values.at(0));
		const ConfigFileReader::Entry& proxy = entryOf(entries, "registry-proxy");
		CPPUNIT_ASSERT(proxy.multiple);
		CPPUNIT_ASSERT_EQUAL(std::size_t(12), proxy.values.size());
		for (int i = 0; i < 12; ++i) CPPUNIT_ASSERT_EQUAL("r" + std::to_string(i) + "=m", proxy.values[i]);
	}

	void testMalformedXmlNamesFile()
	{
		const TempConfigFile file("xml", "<config><once>true</config>");
		const std::string message = configMessageOf([&] { ConfigFileReader::read(file.path()); });
		const std::string prefix = "cannot read config file '" + file.path() + "': malformed XML: ";
		CPPUNIT_ASSERT_EQUAL(prefix, message.substr(0, prefix.size()));
	}

	void testIniKeysBeforeSectionsAndDottedSectionKeys()
	{
		const TempConfigFile file("ini", "; comment\nverbosity = debug\n[git]\nbranch = main\n");
		const std::vector<ConfigFileReader::Entry> entries = ConfigFileReader::read(file.path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), entries.size());
		CPPUNIT_ASSERT_EQUAL(std::string("debug"), entryOf(entries, "verbosity").values.at(0));
		CPPUNIT_ASSERT_EQUAL(std::string("main"), entryOf(entries, "git.branch").values.at(0));
	}

	void testEntriesAreSortedByKey()
	{
		const TempConfigFile file("properties", "verbosity=debug\nonce=true\ncron=* * * * *\n");
		const std::vector<ConfigFileReader::Entry> entries = ConfigFileReader::read(file.path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), entries.size());
		CPPUNIT_ASSERT_EQUAL(std::string("cron"), entries[0].key);
		CPPUNIT_ASSERT_EQUAL(std::string("once"), entries[1].key);
		CPPUNIT_ASSERT_EQUAL(std::string("verbosity"), entries[2].key);
	}

	void testUnsupportedExtension()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("cannot read config file '/etc/sbom/config.yaml': unsupported format '.yaml' "
			"(use .properties, .json, .xml or .ini)"),
			configMessageOf([] { ConfigFileReader::read("/etc/sbom/config.yaml"); }));
		CPPUNIT_ASSERT_EQUAL(std::string("cannot read config file 'config': unsupported format (use .properties, .json, .xml or .ini)"),
			configMessageOf([] { ConfigFileReader::read("config"); }));
	}

	void testMissingFile()
	{
		const std::string path = Poco::TemporaryFile::tempName() + ".properties";
		CPPUNIT_ASSERT_EQUAL("cannot read config file '" + path + "': file not found",
			configMessageOf([&] { ConfigFileReader::read(path); }));
	}

	void testDirectoryIsRejected()
	{
		const std::string path = Poco::TemporaryFile::tempName() + ".json";
		Poco::File(path).createDirectory();
		const std::string message = configMessageOf([&] { ConfigFileReader::read(path); });
		Poco::File(path).remove();
		CPPUNIT_ASSERT_EQUAL("cannot read config file '" + path + "': is a directory", message);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigFileReaderTest, "Config");
