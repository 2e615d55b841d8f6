//
// JobEnvironmentTest.cpp
//
// SBOM_JOB_* pass-through (byte for byte) and the operator pod owner.
//

#include "sbomop/jobimage/JobEnvironment.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::jobimage;
using Env = std::map<std::string, std::string>;


class JobEnvironmentTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobEnvironmentTest);
	CPPUNIT_TEST(testOnlyPrefixedVariablesArePassedWithoutPrefix);
	CPPUNIT_TEST(testHostileValuesArePassedByteForByte);
	CPPUNIT_TEST(testNamesKubernetesRejectsAreSkipped);
	CPPUNIT_TEST(testValuesThatAreNotUtf8AreSkipped);
	CPPUNIT_TEST(testOwnerPodNeedsNameAndUid);
	CPPUNIT_TEST(testUtf8Validation);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOnlyPrefixedVariablesArePassedWithoutPrefix()
	{
		const JobEnvironment env({{"SBOM_JOB_B", "2"}, {"SBOM_JOB_A", "1"}, {"SBOM_GIT_TOKEN", "x"}, {"HOME", "/root"},
			{"sbom_job_lower", "y"}, {"XSBOM_JOB_C", "z"}});
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), env.variables().size());
		CPPUNIT_ASSERT_EQUAL(std::string("A"), env.variables()[0].first);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), env.variables()[0].second);
		CPPUNIT_ASSERT_EQUAL(std::string("B"), env.variables()[1].first);
		CPPUNIT_ASSERT(env.skipped().empty());
	}

	void testHostileValuesArePassedByteForByte()
	{
		const std::string hostile = "a=b==c /path:8080 +/base64+== \t\"quoted\" 'single' \\back\nsecond line\r\n\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 $HOME ${X}";
		const JobEnvironment env({{"SBOM_JOB_DTRACK_URL", "https://dtrack.example.com:8443/api/v1?x=1&y=2"},
			{"SBOM_JOB_KEY", hostile}, {"SBOM_JOB_EMPTY", ""}});
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), env.variables().size());
		CPPUNIT_ASSERT_EQUAL(std::string("DTRACK_URL"), env.variables()[0].first);
		CPPUNIT_ASSERT_EQUAL(std::string("https://dtrack.example.com:8443/api/v1?x=1&y=2"), env.variables()[0].second);
		CPPUNIT_ASSERT_EQUAL(std::string("EMPTY"), env.variables()[1].first);
		CPPUNIT_ASSERT_EQUAL(std::string(), env.variables()[1].second);
		CPPUNIT_ASSERT_EQUAL(std::string("KEY"), env.variables()[2].first);
		CPPUNIT_ASSERT_EQUAL(hostile, env.variables()[2].second);
	}

	void testNamesKubernetesRejectsAreSkipped()
	{
		const JobEnvironment env({{"SBOM_JOB_", "x"}, {"SBOM_JOB_1ST", "x"}, {"SBOM_JOB_A B", "x"}, {"SBOM_JOB_OK.-_9", "x"}});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), env.variables().size());
		CPPUNIT_ASSERT_EQUAL(std::string("OK.-_9"), env.variables()[0].first);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), env.skipped().size());
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_JOB_"), env.skipped()[0]);
	}

	void testValuesThatAreNotUtf8AreSkipped()
	{
		const JobEnvironment env({{"SBOM_JOB_BINARY", std::string("ab\xFF" "cd")}, {"SBOM_JOB_TEXT", "ok"}});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), env.variables().size());
		CPPUNIT_ASSERT_EQUAL(std::string("TEXT"), env.variables()[0].first);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), env.skipped().size());
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_JOB_BINARY"), env.skipped()[0]);
	}

	void testOwnerPodNeedsNameAndUid()
	{
		CPPUNIT_ASSERT(!JobEnvironment(Env{{"POD_NAME", "op-0"}}).hasOwnerPod());
		CPPUNIT_ASSERT(!JobEnvironment(Env{{"POD_NAME", "op-0"}, {"POD_UID", ""}}).hasOwnerPod());
		CPPUNIT_ASSERT(!JobEnvironment().ownerPodReference());
		const JobEnvironment env({{"POD_NAME", "op-0"}, {"POD_UID", "1234-abcd"}});
		CPPUNIT_ASSERT(env.hasOwnerPod());
		const Poco::JSON::Object::Ptr owner = env.ownerPodReference();
		CPPUNIT_ASSERT_EQUAL(std::string("v1"), owner->getValue<std::string>("apiVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("Pod"), owner->getValue<std::string>("kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("op-0"), owner->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("1234-abcd"), owner->getValue<std::string>("uid"));
		CPPUNIT_ASSERT_EQUAL(false, owner->getValue<bool>("controller"));
		CPPUNIT_ASSERT(!owner->has("blockOwnerDeletion"));
	}

	void testUtf8Validation()
	{
		CPPUNIT_ASSERT(JobEnvironment::isValidUtf8(""));
		CPPUNIT_ASSERT(JobEnvironment::isValidUtf8("plain \xC3\xA9 \xF0\x9F\x98\x80"));
		CPPUNIT_ASSERT(!JobEnvironment::isValidUtf8("\xC0\xAF"));          // overlong '/'
		CPPUNIT_ASSERT(!JobEnvironment::isValidUtf8("\xED\xA0\x80"));      // surrogate
		CPPUNIT_ASSERT(!JobEnvironment::isValidUtf8("\xE2\x82"));          // truncated
		CPPUNIT_ASSERT(!JobEnvironment::isValidUtf8("\x80"));              // stray continuation byte
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobEnvironmentTest, "JobImage");
