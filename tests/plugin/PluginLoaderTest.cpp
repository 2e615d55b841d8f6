//
// PluginLoaderTest.cpp
//
// Loads real plugin libraries: a working backend, one built for another plugin
// API version, one without a manifest, and a library that is no plugin.
//

#include "sbomop/core/StopToken.h"
#include "sbomop/plugin/PluginException.h"
#include "sbomop/plugin/PluginLoader.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::plugin::PluginApiMismatchException;
using sbomop::plugin::PluginLoadException;
using sbomop::plugin::PluginLoader;

namespace {

std::string pluginPath(const std::string& name)
{
	return std::string(SBOMOP_TEST_PLUGIN_DIR) + "/libsbomop-" + name + ".so";
}

std::string loadError(PluginLoader& loader, const std::string& backend)
{
	try
	{
		loader.load(backend);
	}
	catch (PluginLoadException& exc)
	{
		return exc.message();
	}
	return "";
}

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

} // namespace

class PluginLoaderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PluginLoaderTest);
	CPPUNIT_TEST(testLoadsPluginByName);
	CPPUNIT_TEST(testLoadsPluginByAbsolutePath);
	CPPUNIT_TEST(testLoadedBackendProcessesABatch);
	CPPUNIT_TEST(testRejectsPluginBuiltForAnotherApiVersion);
	CPPUNIT_TEST(testRejectsLibraryWithoutManifest);
	CPPUNIT_TEST(testRejectsLibraryThatIsNoPlugin);
	CPPUNIT_TEST(testMissingPluginNamesFileAndAvailablePlugins);
	CPPUNIT_TEST(testRejectsInvalidNamesAndRelativePaths);
	CPPUNIT_TEST(testDefaultPluginDirIsBesideTheExecutable);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLoadsPluginByName()
	{
		PluginLoader loader(SBOMOP_TEST_PLUGIN_DIR);
		auto backend = loader.load("test-recording");
		CPPUNIT_ASSERT(backend);
		CPPUNIT_ASSERT_EQUAL(std::string("recording"), backend->name());
		CPPUNIT_ASSERT_EQUAL(pluginPath("test-recording"), loader.libraryPath(*backend));
	}

	void testLoadsPluginByAbsolutePath()
	{
		PluginLoader loader("/nonexistent");
		auto backend = loader.load(pluginPath("test-recording"));
		CPPUNIT_ASSERT_EQUAL(std::string("recording"), backend->name());
	}

	void testLoadedBackendProcessesABatch()
	{
		PluginLoader loader(SBOMOP_TEST_PLUGIN_DIR);
		auto backend = loader.load("test-recording");
		sbomop::plugin::ImageBatch batch;
		batch.cycleId = "c1";
		sbomop::plugin::ImageTask ok;
		ok.imageId = "docker.io/library/nginx@sha256:1";
		sbomop::plugin::ImageTask bad;
		bad.imageId = "docker.io/library/fail@sha256:2";
		batch.images = { ok, bad };
		sbomop::StopToken cancel;
		auto results = backend->process(batch, cancel);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), results.size());
		// Not started yet: the test backend fails everything until start().
		CPPUNIT_ASSERT(!results[0].succeeded);
		CPPUNIT_ASSERT(!backend->supportsOrphans());
	}

	void testRejectsPluginBuiltForAnotherApiVersion()
	{
		PluginLoader loader(SBOMOP_TEST_PLUGIN_DIR);
		CPPUNIT_ASSERT_THROW(loader.load("test-future-api"), PluginApiMismatchException);
		const std::string message = loadError(loader, "test-future-api");
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, pluginPath("test-future-api")));
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, "built for plugin API version 999"));
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, "this host supports version 1"));
	}

	void testRejectsLibraryWithoutManifest()
	{
		PluginLoader loader(SBOMOP_TEST_PLUGIN_DIR);
		const std::string message = loadError(loader, "test-no-manifest");
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, pluginPath("test-no-manifest")));
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, "has no backend manifest SbomopBackendApi1"));
	}

	void testRejectsLibraryThatIsNoPlugin()
	{
		PluginLoader loader(SBOMOP_TEST_PLUGIN_DIR);
		const std::string message = loadError(loader, "test-not-a-plugin");
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, "is not an sbom-operator backend plugin"));
	}

	void testMissingPluginNamesFileAndAvailablePlugins()
	{
		PluginLoader loader(SBOMOP_TEST_PLUGIN_DIR);
		const std::string message = loadError(loader, "nosuch");
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, "backend plugin 'nosuch' not found: " + pluginPath("nosuch") + " does not exist"));
		CPPUNIT_ASSERT_MESSAGE(message, contains(message, "test-recording"));
		const std::vector<std::string> names = loader.available();
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), names.size());
	}

	void testRejectsInvalidNamesAndRelativePaths()
	{
		PluginLoader loader(SBOMOP_TEST_PLUGIN_DIR);
		CPPUNIT_ASSERT(contains(loadError(loader, "Bad Name"), "invalid backend name 'Bad Name'"));
		CPPUNIT_ASSERT(contains(loadError(loader, "plugins/libsbomop-x.so"), "is not absolute"));
	}

	void testDefaultPluginDirIsBesideTheExecutable()
	{
		const std::string dir = PluginLoader::defaultPluginDir();
		CPPUNIT_ASSERT_MESSAGE(dir, contains(dir, "/lib/sbomop/plugins/"));
		CPPUNIT_ASSERT_MESSAGE(dir, !contains(dir, "/bin/"));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PluginLoaderTest, "Plugin");
