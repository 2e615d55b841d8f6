//
// PodInfoTest.cpp
//

#include "sbomop/kube/NamespaceInfo.h"
#include "sbomop/kube/PodInfo.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::kube;

class PodInfoTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PodInfoTest);
	CPPUNIT_TEST(testNamesContainerKinds);
	CPPUNIT_TEST(testLooksUpSpecImages);
	CPPUNIT_TEST(testReportsDeletion);
	CPPUNIT_TEST(testComparesByValue);
	CPPUNIT_TEST_SUITE_END();

public:
	void testNamesContainerKinds()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("container"), std::string(containerKindName(ContainerKind::Container)));
		CPPUNIT_ASSERT_EQUAL(std::string("init"), std::string(containerKindName(ContainerKind::Init)));
		CPPUNIT_ASSERT_EQUAL(std::string("ephemeral"), std::string(containerKindName(ContainerKind::Ephemeral)));
	}

	void testLooksUpSpecImages()
	{
		PodInfo pod;
		pod.specImages = {{"app", "nginx:1.25"}};
		CPPUNIT_ASSERT_EQUAL(std::string("nginx:1.25"), pod.specImage("app"));
		CPPUNIT_ASSERT_EQUAL(std::string(), pod.specImage("other"));
	}

	void testReportsDeletion()
	{
		PodInfo pod;
		CPPUNIT_ASSERT(!pod.deleting());
		pod.deletionTimestamp = "2024-03-01T00:00:00Z";
		CPPUNIT_ASSERT(pod.deleting());
	}

	void testComparesByValue()
	{
		PodInfo a;
		a.name = "p";
		a.containerStatuses.push_back({ContainerKind::Init, "c", "img", "id"});
		PodInfo b = a;
		CPPUNIT_ASSERT(a == b);
		b.containerStatuses[0].kind = ContainerKind::Container;
		CPPUNIT_ASSERT(a != b);
		NamespaceInfo x;
		x.labels["k"] = "v";
		NamespaceInfo y = x;
		CPPUNIT_ASSERT(x == y);
		y.labels["k"] = "w";
		CPPUNIT_ASSERT(x != y);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PodInfoTest, "Kube");
