//
// OciArtifactTest.cpp
//
// Tags, media types and the exact JSON of the SBOM artifact.
//

#include "sbomop/targets/SbomFormat.h"
#include "sbomop/targets/oci/OciSbomArtifact.h"
#include "sbomop/targets/oci/OciTarget.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::targets::OciSbomArtifact;
using sbomop::targets::OciTarget;
using sbomop::targets::SbomFormat;

namespace
{
	const std::string HEX = "b6e55c7c17727a3dee52a38a1a1ec90b472f33fc5e257b8d96898189bb093096";
}


class OciArtifactTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OciArtifactTest);
	CPPUNIT_TEST(testTagIsTheImageDigestWithSbomSuffix);
	CPPUNIT_TEST(testRejectsDigestsThatAreNotSha256);
	CPPUNIT_TEST(testRecognisesSbomTags);
	CPPUNIT_TEST(testLayerMediaTypeFollowsTheFormat);
	CPPUNIT_TEST(testConfigHasCosignShape);
	CPPUNIT_TEST(testManifestJsonIsExact);
	CPPUNIT_TEST(testImageIdIsReadBackFromTheManifest);
	CPPUNIT_TEST(testImageDigestFallsBackToTheImageId);
	CPPUNIT_TEST_SUITE_END();

public:
	void testTagIsTheImageDigestWithSbomSuffix()
	{
		CPPUNIT_ASSERT_EQUAL("sha256-" + HEX + ".sbom", OciSbomArtifact::tagFor("sha256:" + HEX));
	}

	void testRejectsDigestsThatAreNotSha256()
	{
		CPPUNIT_ASSERT_THROW(OciSbomArtifact::tagFor("sha512:" + HEX + HEX), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(OciSbomArtifact::tagFor("sha256:" + HEX.substr(1)), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(OciSbomArtifact::tagFor("sha256:" + Poco::toUpper(HEX)), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(OciSbomArtifact::tagFor(""), Poco::InvalidArgumentException);
	}

	void testRecognisesSbomTags()
	{
		CPPUNIT_ASSERT(OciSbomArtifact::isSbomTag("sha256-" + HEX + ".sbom"));
		CPPUNIT_ASSERT(!OciSbomArtifact::isSbomTag("sha256-" + HEX + ".sig"));
		CPPUNIT_ASSERT(!OciSbomArtifact::isSbomTag("sha256-" + HEX + ".att"));
		CPPUNIT_ASSERT(!OciSbomArtifact::isSbomTag("latest"));
	}

	void testLayerMediaTypeFollowsTheFormat()
	{
		const std::vector<std::pair<std::string, std::string>> expected = {
			{ "json", "application/vnd.syft+json" },
			{ "syftjson", "application/vnd.syft+json" },
			{ "cyclonedxjson", "application/vnd.cyclonedx+json" },
			{ "cyclonedx", "application/vnd.cyclonedx+xml" },
			{ "cyclone", "application/vnd.cyclonedx+xml" },
			{ "cyclonedxxml", "application/vnd.cyclonedx+xml" },
			{ "spdxjson", "text/spdx+json" },
			{ "spdx", "text/spdx" },
			{ "spdxtv", "text/spdx" },
			{ "spdxtagvalue", "text/spdx" },
			{ "github", "application/json" },
			{ "githubjson", "application/json" },
			{ "text", "text/plain" },
			{ "table", "text/plain" } };
		for (const auto& entry: expected)
		{
			const OciSbomArtifact artifact("doc", SbomFormat::forName(entry.first).mediaType(), "img");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(entry.first, entry.second, artifact.layerMediaType());
			CPPUNIT_ASSERT_MESSAGE(entry.first, artifact.manifest().find("\"layers\":[{\"mediaType\":\"" + entry.second + "\"")
				!= std::string::npos);
		}
	}

	void testConfigHasCosignShape()
	{
		const OciSbomArtifact artifact("{}", "application/vnd.cyclonedx+json", "img");
		CPPUNIT_ASSERT_EQUAL(std::string("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"), artifact.layerDigest());
		CPPUNIT_ASSERT_EQUAL(std::string("{\"architecture\":\"\",\"created\":\"0001-01-01T00:00:00Z\","
			"\"history\":[{\"created\":\"0001-01-01T00:00:00Z\"}],\"os\":\"\",\"rootfs\":{\"type\":\"layers\","
			"\"diff_ids\":[\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\"]},\"config\":{}}"),
			artifact.config());
		CPPUNIT_ASSERT_EQUAL(std::string("sha256:6f29d8e6119adaeb39cf93ac85462871f2d31831507f96622ca872636caad2d5"), artifact.configDigest());
	}

	void testManifestJsonIsExact()
	{
		const OciSbomArtifact artifact("{}", "application/vnd.cyclonedx+json", "docker.io/library/nginx@sha256:" + HEX);
		CPPUNIT_ASSERT_EQUAL(std::string("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
			"\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":233,"
			"\"digest\":\"sha256:6f29d8e6119adaeb39cf93ac85462871f2d31831507f96622ca872636caad2d5\"},"
			"\"layers\":[{\"mediaType\":\"application/vnd.cyclonedx+json\",\"size\":2,"
			"\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\"}],"
			"\"annotations\":{\"ckotzbauer.sbom-operator.io/image-id\":\"docker.io/library/nginx@sha256:" + HEX + "\"}}"),
			artifact.manifest());
		CPPUNIT_ASSERT_EQUAL(OciSbomArtifact::digestOf(artifact.manifest()), artifact.manifestDigest());
	}

	void testImageIdIsReadBackFromTheManifest()
	{
		const OciSbomArtifact artifact("x", "text/spdx", "ghcr.io/a/b@sha256:" + HEX);
		CPPUNIT_ASSERT_EQUAL("ghcr.io/a/b@sha256:" + HEX, OciSbomArtifact::imageIdOf(artifact.manifest()));
		CPPUNIT_ASSERT_EQUAL(std::string(), OciSbomArtifact::imageIdOf("{\"schemaVersion\":2}"));
		CPPUNIT_ASSERT_THROW(OciSbomArtifact::imageIdOf("[1]"), Poco::Exception);
		CPPUNIT_ASSERT_THROW(OciSbomArtifact::imageIdOf("{"), Poco::Exception);
	}

	void testImageDigestFallsBackToTheImageId()
	{
		sbomop::plugin::ImageTask image;
		image.imageId = "docker.io/library/nginx@sha256:" + HEX;
		CPPUNIT_ASSERT_EQUAL("sha256:" + HEX, OciTarget::imageDigest(image));
		image.digest = "sha256:0000";
		CPPUNIT_ASSERT_EQUAL(std::string("sha256:0000"), OciTarget::imageDigest(image));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OciArtifactTest, "OciTarget");
