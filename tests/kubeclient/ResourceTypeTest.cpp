//
// ResourceTypeTest.cpp
//

#include "sbomop/kube/ResourceType.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::kube::ResourceType;

class ResourceTypeTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ResourceTypeTest);
	CPPUNIT_TEST(testCoreGroupLivesUnderApiV1);
	CPPUNIT_TEST(testNamedGroupsLiveUnderApis);
	CPPUNIT_TEST(testClusterWideCollectionDropsNamespace);
	CPPUNIT_TEST(testClusterScopedResourceIgnoresNamespace);
	CPPUNIT_TEST(testSubresourcePathIsAppended);
	CPPUNIT_TEST(testPathSegmentsAreEncoded);
	CPPUNIT_TEST(testObjectPathRequiresNameAndNamespace);
	CPPUNIT_TEST(testApiVersionAndQualifiedName);
	CPPUNIT_TEST_SUITE_END();

public:
	void testCoreGroupLivesUnderApiV1()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/pods"), ResourceType::PODS.collectionPath("x"));
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/secrets/s"), ResourceType::SECRETS.objectPath("x", "s"));
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/configmaps/c"), ResourceType::CONFIGMAPS.objectPath("x", "c"));
	}

	void testNamedGroupsLiveUnderApis()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/apis/batch/v1/namespaces/x/jobs/j"), ResourceType::JOBS.objectPath("x", "j"));
		CPPUNIT_ASSERT_EQUAL(std::string("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases"),
			ResourceType::LEASES.collectionPath("kube-system"));
	}

	void testClusterWideCollectionDropsNamespace()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/pods"), ResourceType::PODS.collectionPath(""));
		CPPUNIT_ASSERT_EQUAL(std::string("/apis/batch/v1/jobs"), ResourceType::JOBS.collectionPath(""));
	}

	void testClusterScopedResourceIgnoresNamespace()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces"), ResourceType::NAMESPACES.collectionPath("ignored"));
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/team-a"), ResourceType::NAMESPACES.objectPath("", "team-a"));
	}

	void testSubresourcePathIsAppended()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/pods/p/status"), ResourceType::PODS.objectPath("x", "p", "status"));
	}

	void testPathSegmentsAreEncoded()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/pods/a%2Fb%3Fc"), ResourceType::PODS.objectPath("x", "a/b?c"));
	}

	void testObjectPathRequiresNameAndNamespace()
	{
		CPPUNIT_ASSERT_THROW(ResourceType::PODS.objectPath("x", ""), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(ResourceType::PODS.objectPath("", "p"), Poco::InvalidArgumentException);
	}

	void testApiVersionAndQualifiedName()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("v1"), ResourceType::PODS.apiVersion());
		CPPUNIT_ASSERT_EQUAL(std::string("batch/v1"), ResourceType::JOBS.apiVersion());
		CPPUNIT_ASSERT_EQUAL(std::string("pods"), ResourceType::PODS.qualifiedName());
		CPPUNIT_ASSERT_EQUAL(std::string("leases.coordination.k8s.io"), ResourceType::LEASES.qualifiedName());
		CPPUNIT_ASSERT(ResourceType::PODS != ResourceType::SECRETS);
		CPPUNIT_ASSERT(ResourceType("", "v1", "pods", "Pod", true) == ResourceType::PODS);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ResourceTypeTest, "KubeClient");
