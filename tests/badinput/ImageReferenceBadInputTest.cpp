//
// ImageReferenceBadInputTest.cpp
//
// Malformed image references as they may appear in pod specs: each is
// rejected with InvalidImageReferenceException and an exact message.
//

#include "BadInputTable.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/image/ImageReference.h"
#include <vector>

using sbomop::image::ImageReference;
using sbomop::image::InvalidImageReferenceException;
using sbomop::testing::BadInputRow;
using sbomop::testing::checkRows;
using sbomop::testing::rejectionOf;

class ImageReferenceBadInputTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ImageReferenceBadInputTest);
	CPPUNIT_TEST(testRejectsEveryMalformedReferenceWithItsMessage);
	CPPUNIT_TEST(testRejectsLongPathComponentsWithoutRegexBacktrackingErrors);
	CPPUNIT_TEST(testValidNeighboursStillParse);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRejectsEveryMalformedReferenceWithItsMessage()
	{
		const std::string hex64(64, 'a');
		const std::string name256(256, 'a');
		const std::string tag129(129, 't');
		const std::vector<BadInputRow> rows = {
			{"empty", "", "\"\": empty reference"},
			{"trailing space in the name", "nginx :1", "\"nginx :1\": invalid repository path \"nginx \""},
			{"leading space", " nginx", "\" nginx\": invalid repository path \" nginx\""},
			{"space inside", "my image", "\"my image\": invalid repository path \"my image\""},
			{"uppercase repository", "Nginx", "\"Nginx\": repository name must be lowercase"},
			{"uppercase path on a registry", "ghcr.io/Org/app", "\"ghcr.io/Org/app\": repository name must be lowercase"},
			{"digest too short", "nginx@sha256:abc", "\"nginx@sha256:abc\": invalid digest \"sha256:abc\""},
			{"digest of 40 digits", "nginx@sha256:" + std::string(40, 'a'),
				"\"nginx@sha256:" + std::string(40, 'a') + "\": invalid digest \"sha256:" + std::string(40, 'a') + "\": sha256 needs 64 lowercase hex digits"},
			{"digest of 65 digits", "nginx@sha256:" + hex64 + "b",
				"\"nginx@sha256:" + hex64 + "b\": invalid digest \"sha256:" + hex64 + "b\": sha256 needs 64 lowercase hex digits"},
			{"@sha256: without hex", "nginx@sha256:", "\"nginx@sha256:\": invalid digest \"sha256:\""},
			{"@ without digest", "nginx@", "\"nginx@\": invalid digest \"\""},
			{"uppercase hex", "nginx@sha256:" + std::string(64, 'A'),
				"\"nginx@sha256:" + std::string(64, 'A') + "\": invalid digest \"sha256:" + std::string(64, 'A') + "\": sha256 needs 64 lowercase hex digits"},
			{"unsupported algorithm", "nginx@md5:" + std::string(32, 'a'), "\"nginx@md5:" + std::string(32, 'a') + "\": unsupported digest algorithm \"md5\""},
			{"two digests", "nginx@sha256:" + hex64 + "@sha256:" + hex64,
				"\"nginx@sha256:" + hex64 + "@sha256:" + hex64 + "\": invalid digest \"sha256:" + hex64 + "@sha256:" + hex64 + "\""},
			{"overlong name", name256, "\"" + name256 + "\": repository name must not be longer than 255 characters"},
			{"64 hex digits as repository", hex64, "\"" + hex64 + "\": repository name must not be a 64-character hexadecimal string"},
			{"tag starting with '-'", "nginx:-x", "\"nginx:-x\": invalid tag \"-x\""},
			{"empty tag", "nginx:", "\"nginx:\": invalid tag \"\""},
			{"tag of 129 characters", "nginx:" + tag129, "\"nginx:" + tag129 + "\": invalid tag \"" + tag129 + "\""},
			{"only a tag", ":1.0", "\":1.0\": missing repository name"},
			{"host starting with '-'", "-bad.io/app", "\"-bad.io/app\": invalid registry host \"-bad.io\""},
			{"URL scheme", "https://ghcr.io/a/b", "\"https://ghcr.io/a/b\": invalid registry host \"https:\""},
			{"host without repository", "ghcr.io/", "\"ghcr.io/\": invalid repository path \"\""},
			{"double slash", "ghcr.io/a//b", "\"ghcr.io/a//b\": invalid repository path \"a//b\""},
			{"component ending in a separator", "ghcr.io/a-/b", "\"ghcr.io/a-/b\": invalid repository path \"a-/b\""},
			{"control character", std::string("ngi\x01nx"), std::string("\"ngi\x01nx\": invalid repository path \"ngi\x01nx\"")},
		};
		checkRows<InvalidImageReferenceException>(rows, [](const std::string& input) { ImageReference::parse(input); });
	}

	void testRejectsLongPathComponentsWithoutRegexBacktrackingErrors()
	{
		// A long path component followed by a byte outside the grammar made the
		// regex engine give up (match limit) with Poco::RegularExpressionException
		// instead of a clear rejection.
		for (std::size_t length: {24, 30, 40, 100, 250})
		{
			const std::string path = std::string(length, 'a') + "!";
			CPPUNIT_ASSERT_EQUAL("\"" + path + "\": invalid repository path \"" + path + "\"",
				rejectionOf<InvalidImageReferenceException>([&] { ImageReference::parse(path); }));
			CPPUNIT_ASSERT(!ImageReference::isValidRepositoryPath(path));
		}
		const std::string dashes = "ghcr.io/" + std::string(60, 'a') + "--" + std::string(60, 'b') + "_";
		CPPUNIT_ASSERT_EQUAL("\"" + dashes + "\": invalid repository path \"" + dashes.substr(8) + "\"",
			rejectionOf<InvalidImageReferenceException>([&] { ImageReference::parse(dashes); }));
		// The grammar itself is unchanged: runs of dashes still separate components.
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/a---b/c:1"), ImageReference::parse("ghcr.io/a---b/c:1").string());
		CPPUNIT_ASSERT_EQUAL(std::string(std::string(200, 'a') + "-b"), ImageReference::parse(std::string(200, 'a') + "-b").familiarName());
	}

	void testValidNeighboursStillParse()
	{
		// A bad reference leaves nothing behind: the same names, well-formed, parse.
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1"), ImageReference::parse("nginx:1").string());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/org/app:latest"), ImageReference::parse("ghcr.io/org/app").string());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/" + std::string(237, 'a') + ":latest"),
			ImageReference::parse(std::string(237, 'a')).string());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ImageReferenceBadInputTest, "BadInput");
