//
// JobNamingTest.cpp
//

#include "sbomop/jobimage/JobNaming.h"
#include "sbomop/kube/LabelValidation.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::jobimage;


class JobNamingTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobNamingTest);
	CPPUNIT_TEST(testNamesOfAHostCycleId);
	CPPUNIT_TEST(testSuffixIsSanitised);
	CPPUNIT_TEST(testLongCycleIdsStayShortAndDistinct);
	CPPUNIT_TEST(testUnusableCycleIdGetsAFixedSuffix);
	CPPUNIT_TEST(testLabelsAndSelectors);
	CPPUNIT_TEST_SUITE_END();

public:
	void testNamesOfAHostCycleId()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-job-20240102-030405-0a1b"), JobNaming::jobName("20240102-030405-0a1b"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-job-config-20240102-030405-0a1b"), JobNaming::secretName("20240102-030405-0a1b"));
	}

	void testSuffixIsSanitised()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("cycle-a-b-c"), JobNaming::suffix("--Cycle_A.B/C--"));
	}

	void testLongCycleIdsStayShortAndDistinct()
	{
		const std::string a = JobNaming::suffix(std::string(100, 'a') + "1");
		const std::string b = JobNaming::suffix(std::string(100, 'a') + "2");
		CPPUNIT_ASSERT(a != b);
		CPPUNIT_ASSERT_EQUAL(JobNaming::MAX_SUFFIX_LENGTH, a.size());
		CPPUNIT_ASSERT_EQUAL(std::string(29, 'a') + "-", a.substr(0, 30));
		CPPUNIT_ASSERT(JobNaming::secretName(std::string(200, 'x')).size() <= 63);
		CPPUNIT_ASSERT(sbomop::kube::LabelValidation::isValidValue(a));
	}

	void testUnusableCycleIdGetsAFixedSuffix()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("cycle"), JobNaming::suffix("__//"));
		CPPUNIT_ASSERT_EQUAL(std::string("cycle"), JobNaming::suffix(""));
	}

	void testLabelsAndSelectors()
	{
		const Poco::JSON::Object::Ptr labels = JobNaming::labels(JobNaming::JOB_COMPONENT, "C1");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), labels->size());
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator"), labels->getValue<std::string>("app.kubernetes.io/managed-by"));
		CPPUNIT_ASSERT_EQUAL(std::string("scan-job"), labels->getValue<std::string>("app.kubernetes.io/component"));
		CPPUNIT_ASSERT_EQUAL(std::string("c1"), labels->getValue<std::string>("sbom-operator.io/cycle"));
		CPPUNIT_ASSERT_EQUAL(std::string("app.kubernetes.io/managed-by=sbom-operator,app.kubernetes.io/component=job-config"),
			JobNaming::selector(JobNaming::CONFIG_COMPONENT));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobNamingTest, "JobImage");
