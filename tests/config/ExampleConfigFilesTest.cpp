//
// ExampleConfigFilesTest.cpp
//
// The commented example configurations shipped in config/ must load and
// validate, and must show every key that matters for their backend.
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigLoader.h"
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::config;

namespace
{
	const std::string EXAMPLE_DIR = std::string(SBOMOP_SOURCE_DIR) + "/config/";

	std::string readText(const std::string& path)
	{
		Poco::FileInputStream in(path);
		std::string text;
		Poco::StreamCopier::copyToString(in, text);
		return text;
	}

	// True when the file sets the key or shows it commented out: "key =" or "# key =".
	bool mentions(const std::string& text, const std::string& key)
	{
		return text.find("\n" + key + " =") != std::string::npos || text.find("\n# " + key + " =") != std::string::npos;
	}

	// Keys the jobimage backend does not use: the job image stores the SBOMs itself.
	bool onlyForSyft(const KeyDefinition& key)
	{
		return key.group() == BuiltinKeys::GROUP_GIT || key.group() == BuiltinKeys::GROUP_DTRACK
			|| key.group() == BuiltinKeys::GROUP_OCI || key.group() == BuiltinKeys::GROUP_SYFT || key.name() == BuiltinKeys::TARGETS
			|| key.name() == BuiltinKeys::FORMAT || key.name() == BuiltinKeys::FORMAT_VERSION
			|| key.name() == BuiltinKeys::DELETE_ORPHAN_IMAGES;
	}
}


class ExampleConfigFilesTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ExampleConfigFilesTest);
	CPPUNIT_TEST(testSyftExampleLoadsAndValidates);
	CPPUNIT_TEST(testJobImageExampleLoadsAndValidates);
	CPPUNIT_TEST(testSyftExampleShowsEveryKeyOfItsBackend);
	CPPUNIT_TEST(testJobImageExampleShowsEveryKeyOfItsBackend);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_schema = BuiltinKeys::schema();
	}

	void testSyftExampleLoadsAndValidates()
	{
		const ResolvedConfig config = load("syft.properties");
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), config.value("backend"));
		CPPUNIT_ASSERT_EQUAL(std::string("git"), config.value("targets"));
		CPPUNIT_ASSERT_EQUAL(std::string("json"), config.value("format"));
		CPPUNIT_ASSERT_EQUAL(Provenance::FILE, config.provenance("backend").layer);
		CPPUNIT_ASSERT_EQUAL(std::string(""), config.value("job-image"));
	}

	void testJobImageExampleLoadsAndValidates()
	{
		const ResolvedConfig config = load("jobimage.properties");
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage"), config.value("backend"));
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com/sbom-job:1.0"), config.value("job-image"));
		CPPUNIT_ASSERT_EQUAL(Provenance::FILE, config.provenance("job-image").layer);
		CPPUNIT_ASSERT_EQUAL(std::string("3600"), config.value("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(Provenance::DEFAULT, config.provenance("job-timeout").layer);
	}

	void testSyftExampleShowsEveryKeyOfItsBackend()
	{
		const std::string text = readText(EXAMPLE_DIR + "syft.properties");
		for (const KeyDefinition& key: _schema.keys())
		{
			if (key.isEnvOnly() || key.group() == BuiltinKeys::GROUP_JOB) continue;
			CPPUNIT_ASSERT_MESSAGE("syft.properties lacks " + key.name(), mentions(text, key.name()));
		}
		CPPUNIT_ASSERT(text.find(_schema.get(BuiltinKeys::GITHUB_APP_PRIVATE_KEY).envName()) != std::string::npos);
	}

	void testJobImageExampleShowsEveryKeyOfItsBackend()
	{
		const std::string text = readText(EXAMPLE_DIR + "jobimage.properties");
		for (const KeyDefinition& key: _schema.keys())
		{
			if (key.isEnvOnly() || onlyForSyft(key)) continue;
			CPPUNIT_ASSERT_MESSAGE("jobimage.properties lacks " + key.name(), mentions(text, key.name()));
		}
	}

private:
	ResolvedConfig load(const std::string& name)
	{
		ConfigLoader loader(_schema);
		return loader.load(CommandLine::parse({"--config", EXAMPLE_DIR + name}, _schema), {}).resolve();
	}

	ConfigSchema _schema;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ExampleConfigFilesTest, "Config");
