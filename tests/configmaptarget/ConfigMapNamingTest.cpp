//
// ConfigMapNamingTest.cpp
//

#include "sbomop/targets/configmap/ConfigMapNaming.h"
#include "sbomop/targets/configmap/ConfigMapTarget.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::targets::ConfigMapNaming;
using sbomop::targets::ConfigMapTarget;


class ConfigMapNamingTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigMapNamingTest);
	CPPUNIT_TEST(testValidNamesStayAsTheGoOperatorWroteThem);
	CPPUNIT_TEST(testLongNamesGetAStableHashSuffix);
	CPPUNIT_TEST(testInvalidCharactersAreReplaced);
	CPPUNIT_TEST(testValidatesDnsSubdomains);
	CPPUNIT_TEST(testSizeLimitIsTheConfigMapDataLimit);
	CPPUNIT_TEST_SUITE_END();

public:
	void testValidNamesStayAsTheGoOperatorWroteThem()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("nginx-7c5ddbdf54-x2x9k-nginx"), ConfigMapNaming::nameFor("nginx-7c5ddbdf54-x2x9k", "nginx"));
		CPPUNIT_ASSERT_EQUAL(std::string("web.v2-0-sidecar"), ConfigMapNaming::nameFor("web.v2-0", "sidecar"));
		const std::string pod(253 - 2, 'p');
		CPPUNIT_ASSERT_EQUAL(pod + "-c", ConfigMapNaming::nameFor(pod, "c"));
	}

	void testLongNamesGetAStableHashSuffix()
	{
		const std::string pod(250, 'a');
		const std::string name = ConfigMapNaming::nameFor(pod, "container");
		CPPUNIT_ASSERT_EQUAL(std::size_t(253), name.size());
		CPPUNIT_ASSERT_EQUAL(std::string(242, 'a') + "-", name.substr(0, 243));
		CPPUNIT_ASSERT(ConfigMapNaming::isValidName(name));
		CPPUNIT_ASSERT_EQUAL(name, ConfigMapNaming::nameFor(pod, "container"));
		// Pairs that shorten to the same prefix stay apart.
		const std::string other = ConfigMapNaming::nameFor(pod, "container2");
		CPPUNIT_ASSERT_EQUAL(name.substr(0, 243), other.substr(0, 243));
		CPPUNIT_ASSERT(name != other);
	}

	void testInvalidCharactersAreReplaced()
	{
		const std::string name = ConfigMapNaming::nameFor("My_Pod", "Main..Container");
		CPPUNIT_ASSERT_EQUAL(std::string("my-pod-main-container-"), name.substr(0, 22));
		CPPUNIT_ASSERT_EQUAL(std::size_t(22 + ConfigMapNaming::HASH_LENGTH), name.size());
		CPPUNIT_ASSERT(ConfigMapNaming::isValidName(name));
		CPPUNIT_ASSERT(name != ConfigMapNaming::nameFor("my-pod", "main-container"));
		CPPUNIT_ASSERT(ConfigMapNaming::isValidName(ConfigMapNaming::nameFor("-", "_")));
	}

	void testValidatesDnsSubdomains()
	{
		CPPUNIT_ASSERT(ConfigMapNaming::isValidName("a"));
		CPPUNIT_ASSERT(ConfigMapNaming::isValidName("a.b-c.d"));
		CPPUNIT_ASSERT(!ConfigMapNaming::isValidName(""));
		CPPUNIT_ASSERT(!ConfigMapNaming::isValidName("-a"));
		CPPUNIT_ASSERT(!ConfigMapNaming::isValidName("a-"));
		CPPUNIT_ASSERT(!ConfigMapNaming::isValidName("a..b"));
		CPPUNIT_ASSERT(!ConfigMapNaming::isValidName("a.-b"));
		CPPUNIT_ASSERT(!ConfigMapNaming::isValidName("A"));
		CPPUNIT_ASSERT(!ConfigMapNaming::isValidName(std::string(254, 'a')));
		CPPUNIT_ASSERT(ConfigMapNaming::isValidName(std::string(253, 'a')));
	}

	void testSizeLimitIsTheConfigMapDataLimit()
	{
		CPPUNIT_ASSERT_EQUAL(std::string(), ConfigMapTarget::sizeProblem(5000000, 1048576));
		CPPUNIT_ASSERT_EQUAL(std::string("the SBOM of 5000000 bytes compresses to 1048577 bytes, over the 1048576-byte limit of a ConfigMap"),
			ConfigMapTarget::sizeProblem(5000000, 1048577));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigMapNamingTest, "ConfigMapTarget");
