//
// DtrackProjectNamingTest.cpp
//
// Project names, versions and tags, including the Go operator's own cases
// (dtrack_target_test.go: TestGetRepoWithVersion, TestGetNameAndVersionFromString,
// TestRawImageIdTagIsRotated).
//

#include "DtrackTestSupport.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/targets/dtrack/DtrackProjectNaming.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop;
using namespace sbomop::dtracktest;
using sbomop::targets::DtrackProjectNaming;

namespace {

const std::string ALPINE_DIGEST = "sha256:21a3deaa0d32a8057914f36584b5288d2e5ecc984380bc0118285c70fa8c9300";

DtrackProjectNaming naming(bool shortName, bool prefix, const std::string& cluster = "my-cluster")
{
	DtrackProjectNaming::Settings settings;
	settings.clusterId = cluster;
	settings.useShortName = shortName;
	settings.prefixMode = prefix;
	return DtrackProjectNaming(settings);
}

DtrackProjectNaming namingWith(const DtrackProjectNaming::Settings& settings)
{
	return DtrackProjectNaming(settings);
}

std::vector<std::string> list(std::initializer_list<const char*> items)
{
	return std::vector<std::string>(items.begin(), items.end());
}

}

class DtrackProjectNamingTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackProjectNamingTest);
	CPPUNIT_TEST(testLongNameInTagModeUsesTheFullRepository);
	CPPUNIT_TEST(testShortNameInPrefixModeIsPrefixedWithTheClusterId);
	CPPUNIT_TEST(testShortNameInTagModeDropsTheRegistryOnly);
	CPPUNIT_TEST(testDigestOnlySpecImageUsesTheDigestAsVersion);
	CPPUNIT_TEST(testSpecImageThatIsAnImageIdUsesTheRunningDigest);
	CPPUNIT_TEST(testSpecImageWithoutTagIsVersionLatest);
	CPPUNIT_TEST(testSpecImageWithTagAndDigestUsesTheDigest);
	CPPUNIT_TEST(testShortNameOfOtherRegistriesKeepsThePath);
	CPPUNIT_TEST(testTagsInTagModeFollowTheGoOperator);
	CPPUNIT_TEST(testPrefixModeHasNoClusterTag);
	CPPUNIT_TEST(testEveryNamespaceOfTheImageBecomesATag);
	CPPUNIT_TEST(testLabelMatcherSelectsLabelKeysBySearch);
	CPPUNIT_TEST(testNameAnnotationOfTheContainerOverridesNameAndVersion);
	CPPUNIT_TEST(testNameAnnotationWithoutVersionMeansLatest);
	CPPUNIT_TEST(testNameAnnotationOfAnotherContainerIsIgnored);
	CPPUNIT_TEST(testParentAnnotationWinsOverTheDefaultParent);
	CPPUNIT_TEST(testDefaultParentAppliesWithoutAnnotation);
	CPPUNIT_TEST(testSplitNameVersionFollowsTheGoOperator);
	CPPUNIT_TEST(testMergeRotatesTheRawImageIdTag);
	CPPUNIT_TEST(testMergeCollapsesSeveralStaleRawImageIds);
	CPPUNIT_TEST(testMergeInPrefixModeDropsTheOwnClusterTag);
	CPPUNIT_TEST(testUnparsableImageIdIsRejected);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLongNameInTagModeUsesTheFullRepository()
	{
		const auto d = naming(false, false).describe(imageTask("docker.io/library/alpine:3.14", "alpine:3.14"));
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/alpine"), d.name);
		CPPUNIT_ASSERT_EQUAL(std::string("3.14"), d.version);
	}

	void testShortNameInPrefixModeIsPrefixedWithTheClusterId()
	{
		const auto d = naming(true, true).describe(imageTask("docker.io/library/alpine:3.14", "alpine:3.14"));
		CPPUNIT_ASSERT_EQUAL(std::string("my-cluster-library/alpine"), d.name);
		CPPUNIT_ASSERT_EQUAL(std::string("3.14"), d.version);
	}

	void testShortNameInTagModeDropsTheRegistryOnly()
	{
		const auto d = naming(true, false).describe(imageTask("docker.io/library/alpine:3.14", "alpine:3.14"));
		CPPUNIT_ASSERT_EQUAL(std::string("library/alpine"), d.name);
		CPPUNIT_ASSERT_EQUAL(std::string("3.14"), d.version);
	}

	void testDigestOnlySpecImageUsesTheDigestAsVersion()
	{
		const auto d = naming(true, false).describe(imageTask("docker.io/library/alpine@" + ALPINE_DIGEST, "alpine@" + ALPINE_DIGEST));
		CPPUNIT_ASSERT_EQUAL(std::string("library/alpine"), d.name);
		CPPUNIT_ASSERT_EQUAL(ALPINE_DIGEST, d.version);
	}

	void testSpecImageThatIsAnImageIdUsesTheRunningDigest()
	{
		const auto d = naming(false, false).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, DIGEST_B));
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx"), d.name);
		CPPUNIT_ASSERT_EQUAL(DIGEST_A, d.version);
	}

	void testSpecImageWithoutTagIsVersionLatest()
	{
		const auto d = naming(false, false).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx"));
		CPPUNIT_ASSERT_EQUAL(std::string("latest"), d.version);
	}

	void testSpecImageWithTagAndDigestUsesTheDigest()
	{
		const auto d = naming(false, false).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1.25@" + DIGEST_A));
		CPPUNIT_ASSERT_EQUAL(DIGEST_A, d.version);
	}

	void testShortNameOfOtherRegistriesKeepsThePath()
	{
		const auto ghcr = naming(true, false).describe(imageTask("ghcr.io/org/team/app@" + DIGEST_A, "ghcr.io/org/team/app:v2"));
		CPPUNIT_ASSERT_EQUAL(std::string("org/team/app"), ghcr.name);
		CPPUNIT_ASSERT_EQUAL(std::string("v2"), ghcr.version);
		const auto local = naming(true, false).describe(imageTask("localhost:5000/foo/bar@" + DIGEST_A, "localhost:5000/foo/bar:1.1"));
		CPPUNIT_ASSERT_EQUAL(std::string("foo/bar"), local.name);
		const auto full = naming(false, false).describe(imageTask("localhost:5000/foo/bar@" + DIGEST_A, "localhost:5000/foo/bar:1.1"));
		CPPUNIT_ASSERT_EQUAL(std::string("localhost:5000/foo/bar"), full.name);
	}

	void testTagsInTagModeFollowTheGoOperator()
	{
		const std::string id = "docker.io/library/nginx@" + DIGEST_A;
		const auto d = naming(false, false).describe(imageTask(id, "nginx:1.25", "shop", {{"app", "web"}, {"tier", "front"}}));
		const std::vector<std::string> expected = {"kubernetes-cluster=my-cluster", "sbom-operator", "raw-image-id=" + id,
			"namespace=shop", "app=web", "tier=front"};
		CPPUNIT_ASSERT(expected == d.tags);
	}

	void testPrefixModeHasNoClusterTag()
	{
		const std::string id = "docker.io/library/nginx@" + DIGEST_A;
		const auto d = naming(false, true).describe(imageTask(id, "nginx:1.25", "shop"));
		const std::vector<std::string> expected = {"sbom-operator", "raw-image-id=" + id, "namespace=shop"};
		CPPUNIT_ASSERT(expected == d.tags);
		CPPUNIT_ASSERT_EQUAL(std::string("my-cluster-docker.io/library/nginx"), d.name);
	}

	void testEveryNamespaceOfTheImageBecomesATag()
	{
		plugin::ImageTask task = imageTask("docker.io/library/redis@" + DIGEST_A, "redis:7", "a");
		task.containers.push_back(container("b", "pod-2", "cache", "redis:7"));
		task.containers.push_back(container("a", "pod-3", "cache", "redis:7"));
		const auto d = naming(false, false).describe(task);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), d.tags.size());
		CPPUNIT_ASSERT_EQUAL(std::string("namespace=a"), d.tags[3]);
		CPPUNIT_ASSERT_EQUAL(std::string("namespace=b"), d.tags[4]);
	}

	void testLabelMatcherSelectsLabelKeysBySearch()
	{
		DtrackProjectNaming::Settings settings;
		settings.clusterId = "c";
		settings.labelTagMatcher = "^app";
		const auto d = namingWith(settings).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1", "ns",
			{{"app", "web"}, {"app.kubernetes.io/name", "shop"}, {"team", "app"}}));
		const std::vector<std::string> labels(d.tags.begin() + 4, d.tags.end());
		CPPUNIT_ASSERT(list({"app=web", "app.kubernetes.io/name=shop"}) == labels);
	}

	void testNameAnnotationOfTheContainerOverridesNameAndVersion()
	{
		DtrackProjectNaming::Settings settings;
		settings.projectNameAnnotationKey = "dtrack.example.com/project";
		const auto d = namingWith(settings).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1", "ns", {},
			{{"dtrack.example.com/project/app", "shop-frontend:2.0"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("shop-frontend"), d.name);
		CPPUNIT_ASSERT_EQUAL(std::string("2.0"), d.version);
	}

	void testNameAnnotationWithoutVersionMeansLatest()
	{
		DtrackProjectNaming::Settings settings;
		settings.projectNameAnnotationKey = "project-name";
		settings.prefixMode = true;
		const auto d = namingWith(settings).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1", "ns", {},
			{{"project-name/app", "shop"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("shop"), d.name);
		CPPUNIT_ASSERT_EQUAL(std::string("latest"), d.version);
	}

	void testNameAnnotationOfAnotherContainerIsIgnored()
	{
		DtrackProjectNaming::Settings settings;
		settings.projectNameAnnotationKey = "project-name";
		const auto d = namingWith(settings).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1", "ns", {},
			{{"project-name/sidecar", "other:1"}, {"project-name/app", ""}}));
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx"), d.name);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), d.version);
	}

	void testParentAnnotationWinsOverTheDefaultParent()
	{
		DtrackProjectNaming::Settings settings;
		settings.parentAnnotationKey = "parent";
		settings.defaultParentProject = "0b6a4f43-3c0e-4f9a-9a57-2a3d5b8e6c90";
		const auto withVersion = namingWith(settings).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1", "ns", {},
			{{"parent/app", "platform:2024"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("platform"), withVersion.parentName);
		CPPUNIT_ASSERT_EQUAL(std::string("2024"), withVersion.parentVersion.value_or("<none>"));
		CPPUNIT_ASSERT_EQUAL(std::string(), withVersion.parentUuid);
		const auto nameOnly = namingWith(settings).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1", "ns", {},
			{{"parent/app", "platform"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("platform"), nameOnly.parentName);
		CPPUNIT_ASSERT(!nameOnly.parentVersion);
	}

	void testDefaultParentAppliesWithoutAnnotation()
	{
		DtrackProjectNaming::Settings settings;
		settings.parentAnnotationKey = "parent";
		settings.defaultParentProject = "0b6a4f43-3c0e-4f9a-9a57-2a3d5b8e6c90";
		const auto d = namingWith(settings).describe(imageTask("docker.io/library/nginx@" + DIGEST_A, "nginx:1"));
		CPPUNIT_ASSERT_EQUAL(std::string(), d.parentName);
		CPPUNIT_ASSERT_EQUAL(settings.defaultParentProject, d.parentUuid);
	}

	void testSplitNameVersionFollowsTheGoOperator()
	{
		auto parts = DtrackProjectNaming::splitNameVersion("name:version");
		CPPUNIT_ASSERT_EQUAL(std::string("name"), parts.first);
		CPPUNIT_ASSERT_EQUAL(std::string("version"), parts.second.value_or("<none>"));
		parts = DtrackProjectNaming::splitNameVersion("name");
		CPPUNIT_ASSERT_EQUAL(std::string("name"), parts.first);
		CPPUNIT_ASSERT(!parts.second);
		parts = DtrackProjectNaming::splitNameVersion("a:b:c");
		CPPUNIT_ASSERT_EQUAL(std::string("a"), parts.first);
		CPPUNIT_ASSERT(!parts.second);
	}

	void testMergeRotatesTheRawImageIdTag()
	{
		const auto merged = naming(false, false).mergeTags(
			list({"sbom-operator", "raw-image-id=alpine@sha256:aaa", "kubernetes-cluster=my-cluster", "owner=team-a"}),
			list({"kubernetes-cluster=my-cluster", "sbom-operator", "raw-image-id=alpine@sha256:bbb"}));
		CPPUNIT_ASSERT(list({"sbom-operator", "kubernetes-cluster=my-cluster", "owner=team-a", "raw-image-id=alpine@sha256:bbb"}) == merged);
	}

	void testMergeCollapsesSeveralStaleRawImageIds()
	{
		const auto merged = naming(false, false).mergeTags(
			list({"raw-image-id=alpine@sha256:aaa", "raw-image-id=alpine@sha256:bbb", "sbom-operator"}),
			list({"raw-image-id=alpine@sha256:ccc"}));
		CPPUNIT_ASSERT(list({"sbom-operator", "raw-image-id=alpine@sha256:ccc"}) == merged);
	}

	void testMergeInPrefixModeDropsTheOwnClusterTag()
	{
		const auto merged = naming(false, true).mergeTags(
			list({"kubernetes-cluster=my-cluster", "kubernetes-cluster=other"}), list({"sbom-operator"}));
		CPPUNIT_ASSERT(list({"kubernetes-cluster=other", "sbom-operator"}) == merged);
	}

	void testUnparsableImageIdIsRejected()
	{
		CPPUNIT_ASSERT_THROW(naming(false, false).describe(imageTask("Not A Reference", "nginx")), image::InvalidImageReferenceException);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackProjectNamingTest, "DtrackTarget");
