//
// SettingsTest.cpp
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/Settings.h"
#include "ConfigTestSupport.h"
#include <Poco/Exception.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::config;
using sbomop::config::test::configErrorOf;

class SettingsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SettingsTest);
	CPPUNIT_TEST(testReturnsConfiguredValues);
	CPPUNIT_TEST(testFallsBackToSchemaDefaults);
	CPPUNIT_TEST(testDerivedDefaultSeesConfiguredValues);
	CPPUNIT_TEST(testListsAreTrimmedWithoutEmptyItems);
	CPPUNIT_TEST(testReadsValuesWithTheLoadingRules);
	CPPUNIT_TEST(testInvalidValueThrowsConfigException);
	CPPUNIT_TEST(testAccessWithWrongTypeIsRejected);
	CPPUNIT_TEST(testUnknownKeyIsRejected);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_schema = BuiltinKeys::schema();
		_map = new Poco::Util::MapConfiguration;
	}

	void testReturnsConfiguredValues()
	{
		_map->setString("git-branch", "develop");
		_map->setString("once", "true");
		_map->setString("job-timeout", "60");
		_map->setString("targets", "git,oci");
		const Settings settings(_map, _schema);
		CPPUNIT_ASSERT_EQUAL(std::string("develop"), settings.getString("git-branch"));
		CPPUNIT_ASSERT(settings.getBool("once"));
		CPPUNIT_ASSERT_EQUAL(60, settings.getInt("job-timeout"));
		const std::vector<std::string> targets = settings.getList("targets");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), targets.size());
		CPPUNIT_ASSERT_EQUAL(std::string("oci"), targets[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("60"), settings.configuration().getString("job-timeout"));
	}

	void testFallsBackToSchemaDefaults()
	{
		const Settings settings(_map, _schema);
		CPPUNIT_ASSERT_EQUAL(std::string("main"), settings.getString("git-branch"));
		CPPUNIT_ASSERT_EQUAL(std::string("/work"), settings.getString("git-workingtree"));
		CPPUNIT_ASSERT(settings.getBool("delete-orphan-images"));
		CPPUNIT_ASSERT(!settings.getBool("once"));
		CPPUNIT_ASSERT_EQUAL(3600, settings.getInt("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(8080, settings.getInt("health-port"));
		CPPUNIT_ASSERT(std::vector<std::string>{"git"} == settings.getList("targets"));
		CPPUNIT_ASSERT(settings.getList("registry-proxy").empty());
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), settings.getString("backend"));
	}

	void testDerivedDefaultSeesConfiguredValues()
	{
		_map->setString("job-image", "registry.example.com/job:1");
		const Settings settings(_map, _schema);
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage"), settings.getString("backend"));
	}

	void testListsAreTrimmedWithoutEmptyItems()
	{
		_map->setString("registry-proxy", " docker.io=m1 , ,ghcr.io=m2 ,");
		const Settings settings(_map, _schema);
		const std::vector<std::string> proxies = settings.getList("registry-proxy");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), proxies.size());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io=m1"), proxies[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io=m2"), proxies[1]);
	}

	void testReadsValuesWithTheLoadingRules()
	{
		_map->setString("once", "YES");
		_map->setString("ignore-annotations", "0");
		_map->setString("targets", "GIT, dtrack");
		const Settings settings(_map, _schema);
		CPPUNIT_ASSERT(settings.getBool("once"));
		CPPUNIT_ASSERT(!settings.getBool("ignore-annotations"));
		CPPUNIT_ASSERT(std::vector<std::string>({"git", "dtrack"}) == settings.getList("targets"));
	}

	void testInvalidValueThrowsConfigException()
	{
		_map->setString("once", "maybe");
		_map->setString("job-timeout", "0");
		const Settings settings(_map, _schema);
		const ConfigException exc = configErrorOf([&] { settings.getBool("once"); });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"maybe\" for key 'once' (from configuration): not a boolean; "
			"allowed: true, false, yes, no, 1, 0"), exc.message());
		CPPUNIT_ASSERT_THROW(settings.getInt("job-timeout"), ConfigException);
	}

	void testAccessWithWrongTypeIsRejected()
	{
		const Settings settings(_map, _schema);
		CPPUNIT_ASSERT_THROW(settings.getInt("git-branch"), Poco::InvalidAccessException);
		CPPUNIT_ASSERT_THROW(settings.getBool("job-timeout"), Poco::InvalidAccessException);
		CPPUNIT_ASSERT_THROW(settings.getList("verbosity"), Poco::InvalidAccessException);
		CPPUNIT_ASSERT_EQUAL(std::string("3600"), settings.getString("job-timeout"));
	}

	void testUnknownKeyIsRejected()
	{
		_map->setString("not-in-schema", "x");
		const Settings settings(_map, _schema);
		CPPUNIT_ASSERT_THROW(settings.getString("not-in-schema"), Poco::NotFoundException);
		CPPUNIT_ASSERT_THROW(settings.getBool("oncee"), Poco::NotFoundException);
	}

private:
	ConfigSchema _schema;
	Poco::AutoPtr<Poco::Util::MapConfiguration> _map;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SettingsTest, "Config");
