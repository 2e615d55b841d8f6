//
// GitPathMapperTest.cpp
//
// Image ID <-> repository path, including the Go operator's own cases.
//

#include "sbomop/targets/git/GitPathMapper.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::targets::GitPathMapper;

namespace {

const std::string HEX = "21a3deaa0d32a8057914f36584b5288d2e5ecc984380bc0118285c70fa8c9300";

}

class GitPathMapperTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(GitPathMapperTest);
	CPPUNIT_TEST(testTaggedImageMapsLikeTheGoOperator);
	CPPUNIT_TEST(testDigestImageMapsLikeTheGoOperator);
	CPPUNIT_TEST(testWorkingTreeAndPathAndFormatMapLikeTheGoOperator);
	CPPUNIT_TEST(testNestedGitPathMapsLikeTheGoOperator);
	CPPUNIT_TEST(testRegistryPortBecomesUnderscore);
	CPPUNIT_TEST(testRelativePathsAndLocations);
	CPPUNIT_TEST(testReverseRestoresDigest);
	CPPUNIT_TEST(testReverseRestoresRegistryPort);
	CPPUNIT_TEST(testReverseKeepsTagFoldersAsTheGoOperator);
	CPPUNIT_TEST(testReverseOfForwardIsIdentityForNormalisedIds);
	CPPUNIT_TEST(testRejectsImageIdsThatEscapeTheirFolder);
	CPPUNIT_TEST(testRejectsGitPathOutsideTheRepository);
	CPPUNIT_TEST(testRecognisesSbomFileNames);
	CPPUNIT_TEST_SUITE_END();

public:
	void testTaggedImageMapsLikeTheGoOperator()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("alpine_latest/sbom.json"), GitPathMapper("", "", ".json").filePath("alpine:latest"));
	}

	void testDigestImageMapsLikeTheGoOperator()
	{
		CPPUNIT_ASSERT_EQUAL("alpine/sha256_" + HEX + "/sbom.json", GitPathMapper("", "", ".json").filePath("alpine@sha256:" + HEX));
	}

	void testWorkingTreeAndPathAndFormatMapLikeTheGoOperator()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/git/dev/alpine_latest/sbom.spdx"), GitPathMapper("/git", "dev", ".spdx").filePath("alpine:latest"));
	}

	void testNestedGitPathMapsLikeTheGoOperator()
	{
		CPPUNIT_ASSERT_EQUAL("/git/sbom/prod/cluster1/alpine/sha256_" + HEX + "/sbom.spdx",
			GitPathMapper("/git/sbom", "prod/cluster1", ".spdx").filePath("alpine@sha256:" + HEX));
		CPPUNIT_ASSERT_EQUAL(std::string("/git/x/a_1/sbom.xml"), GitPathMapper("/git/", "./x/", ".xml").filePath("a:1"));
	}

	void testRegistryPortBecomesUnderscore()
	{
		CPPUNIT_ASSERT_EQUAL("registry.local_5000/team/app/sha256_" + HEX,
			GitPathMapper::folderForImage("registry.local:5000/team/app@sha256:" + HEX));
	}

	void testRelativePathsAndLocations()
	{
		GitPathMapper mapper("/work", "sboms", ".json");
		CPPUNIT_ASSERT_EQUAL(std::string("sboms/docker.io/library/nginx/sha256_" + HEX), mapper.relativeDirectory("docker.io/library/nginx@sha256:" + HEX));
		CPPUNIT_ASSERT_EQUAL(std::string("sboms/docker.io/library/nginx/sha256_" + HEX + "/sbom.json"), mapper.relativeFile("docker.io/library/nginx@sha256:" + HEX));
		CPPUNIT_ASSERT_EQUAL(std::string("/work/sboms"), mapper.baseDirectory());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx/sha256_" + HEX + "/sbom.json"),
			GitPathMapper("/work", "", ".json").relativeFile("docker.io/library/nginx@sha256:" + HEX));
	}

	void testReverseRestoresDigest()
	{
		CPPUNIT_ASSERT_EQUAL("alpine@sha256:" + HEX, GitPathMapper::imageForFolder("alpine/sha256_" + HEX));
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@sha512:" + HEX, GitPathMapper::imageForFolder("docker.io/library/nginx/sha512_" + HEX));
	}

	void testReverseRestoresRegistryPort()
	{
		CPPUNIT_ASSERT_EQUAL("registry.local:5000/team/app@sha256:" + HEX, GitPathMapper::imageForFolder("registry.local_5000/team/app/sha256_" + HEX));
		CPPUNIT_ASSERT_EQUAL("localhost:5000/app@sha256:" + HEX, GitPathMapper::imageForFolder("localhost_5000/app/sha256_" + HEX));
		// Only the registry host has a port; "_" elsewhere is part of a name.
		CPPUNIT_ASSERT_EQUAL("docker.io/my_team/app_1@sha256:" + HEX, GitPathMapper::imageForFolder("docker.io/my_team/app_1/sha256_" + HEX));
	}

	void testReverseKeepsTagFoldersAsTheGoOperator()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("alpine_latest"), GitPathMapper::imageForFolder("alpine_latest"));
	}

	void testReverseOfForwardIsIdentityForNormalisedIds()
	{
		for (const std::string& id: { "docker.io/library/nginx@sha256:" + HEX, "ghcr.io/org/sub/app@sha256:" + HEX,
			"10.0.0.1:443/app@sha256:" + HEX, "registry.local:5000/team/app@sha256:" + HEX })
		{
			CPPUNIT_ASSERT_EQUAL(id, GitPathMapper::imageForFolder(GitPathMapper::folderForImage(id)));
		}
	}

	void testRejectsImageIdsThatEscapeTheirFolder()
	{
		CPPUNIT_ASSERT_THROW(GitPathMapper::folderForImage(""), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper::folderForImage("../../etc@sha256:" + HEX), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper::folderForImage("/etc/passwd"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper::folderForImage("a//b@sha256:" + HEX), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper::folderForImage("a/./b"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper::folderForImage("a\\b"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper::folderForImage("a\nb"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper("/w", "", ".json").relativeDirectory("x/.."), Poco::InvalidArgumentException);
	}

	void testRejectsGitPathOutsideTheRepository()
	{
		CPPUNIT_ASSERT_THROW(GitPathMapper("/w", "../up", ".json"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(GitPathMapper("/w", "/abs", ".json"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_EQUAL(std::string("a/b"), GitPathMapper("/w", "a//b/", ".json").gitPath());
		CPPUNIT_ASSERT_EQUAL(std::string(""), GitPathMapper("/w", ".", ".json").gitPath());
	}

	void testRecognisesSbomFileNames()
	{
		CPPUNIT_ASSERT(GitPathMapper::isSbomFileName("sbom.json"));
		CPPUNIT_ASSERT(GitPathMapper::isSbomFileName("sbom.spdx"));
		CPPUNIT_ASSERT(!GitPathMapper::isSbomFileName("sbom."));
		CPPUNIT_ASSERT(!GitPathMapper::isSbomFileName("sbom"));
		CPPUNIT_ASSERT(!GitPathMapper::isSbomFileName("sbom.json.bak"));
		CPPUNIT_ASSERT(!GitPathMapper::isSbomFileName("README.md"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom.txt"), GitPathMapper("", "", ".txt").fileName());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GitPathMapperTest, "GitTarget");
