//
// OciTokenRegistryTest.cpp
//
// OciTarget and OciRegistryClient against an in-process registry that asks
// for Bearer tokens from its token service.
//

#include "FakeTokenRegistry.h"
#include "OciTestSupport.h"
#include "sbomop/targets/SbomFormat.h"
#include "sbomop/targets/TargetSet.h"
#include "sbomop/targets/oci/OciException.h"
#include "sbomop/targets/oci/OciRegistryClient.h"
#include "sbomop/targets/oci/OciSbomArtifact.h"
#include "sbomop/targets/oci/OciTarget.h"
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>

using namespace sbomop::testing;
using sbomop::plugin::ImageTask;
using sbomop::targets::OciAuthenticationException;
using sbomop::targets::OciRegistryClient;
using sbomop::targets::OciRepository;
using sbomop::targets::OciSbomArtifact;
using sbomop::targets::OciTarget;
using sbomop::targets::SbomFormat;
using sbomop::targets::TargetSet;

namespace
{
	const std::string USER = "sbom";
	const std::string PASSWORD = "t0ken \"pass\" #2";
	const std::string REPOSITORY = "team/sboms";
}


class OciTokenRegistryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OciTokenRegistryTest);
	CPPUNIT_TEST(testPushesWithTokensFetchedPerScope);
	CPPUNIT_TEST(testSecondStoreReusesBlobsAndTokens);
	CPPUNIT_TEST(testAcceptsAccessTokenField);
	CPPUNIT_TEST(testStoredImagesFollowTagPagination);
	CPPUNIT_TEST(testRemoveDeletesOnlyTheOrphan);
	CPPUNIT_TEST(testWrongPasswordFailsTheImageWithoutThePassword);
	CPPUNIT_TEST(testUnreachableRegistryFailsTheImage);
	CPPUNIT_TEST(testWarnsLoudlyAndNeverLogsTheToken);
	CPPUNIT_TEST(testFollowsBlobRedirectsWithoutForwardingCredentials);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPushesWithTokensFetchedPerScope()
	{
		FakeTokenRegistry registry(USER, PASSWORD);
		ContextHolder holder(values(registry, PASSWORD));
		OciTarget target;
		target.initialise(holder.context());
		const ImageTask image = imageTask("library/nginx", "ab12");
		const auto result = target.store(image, "{\"bomFormat\":\"CycloneDX\"}", SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		const std::string tag = OciSbomArtifact::tagFor(image.digest);
		CPPUNIT_ASSERT_EQUAL("oci:" + registry.host() + "/" + REPOSITORY + ":" + tag, result.location);
		CPPUNIT_ASSERT(registry.hasManifest(REPOSITORY, tag));
		const std::vector<std::string> expectedScopes = { "repository:team/sboms:pull", "repository:team/sboms:pull,push" };
		CPPUNIT_ASSERT(expectedScopes == registry.tokenScopes());
		CPPUNIT_ASSERT_EQUAL(2, registry.blobUploads());

		OciRegistryClient client(OciRepository::parse("http://" + registry.host() + "/" + REPOSITORY), options(PASSWORD));
		std::string manifest, digest;
		CPPUNIT_ASSERT(client.getManifest(tag, manifest, digest));
		const OciSbomArtifact expected("{\"bomFormat\":\"CycloneDX\"}", "application/vnd.cyclonedx+json", image.imageId);
		CPPUNIT_ASSERT_EQUAL(expected.manifest(), manifest);
		CPPUNIT_ASSERT_EQUAL(expected.manifestDigest(), digest);
		CPPUNIT_ASSERT_EQUAL(std::string("{\"bomFormat\":\"CycloneDX\"}"), client.getBlob(expected.layerDigest()));
		CPPUNIT_ASSERT_EQUAL(expected.config(), client.getBlob(expected.configDigest()));
	}

	void testSecondStoreReusesBlobsAndTokens()
	{
		FakeTokenRegistry registry(USER, PASSWORD);
		ContextHolder holder(values(registry, PASSWORD));
		OciTarget target;
		target.initialise(holder.context());
		const ImageTask image = imageTask("library/nginx", "cd34");
		CPPUNIT_ASSERT(target.store(image, "same document", SbomFormat::forName("spdx")).stored);
		CPPUNIT_ASSERT(target.store(image, "same document", SbomFormat::forName("spdx")).stored);
		CPPUNIT_ASSERT_EQUAL(2, registry.blobUploads());
		CPPUNIT_ASSERT_EQUAL(2, registry.tokenRequests());
		CPPUNIT_ASSERT(target.store(imageTask("library/redis", "ef56"), "other document", SbomFormat::forName("spdx")).stored);
		// A new layer; the config differs with it.
		CPPUNIT_ASSERT_EQUAL(4, registry.blobUploads());
		CPPUNIT_ASSERT_EQUAL(2, registry.tokenRequests());
	}

	void testAcceptsAccessTokenField()
	{
		FakeTokenRegistry registry(USER, PASSWORD, true);
		ContextHolder holder(values(registry, PASSWORD));
		OciTarget target;
		target.initialise(holder.context());
		const auto result = target.store(imageTask("library/nginx", "99"), "doc", SbomFormat::forName("json"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
	}

	void testStoredImagesFollowTagPagination()
	{
		FakeTokenRegistry registry(USER, PASSWORD);
		ContextHolder holder(values(registry, PASSWORD));
		OciTarget target;
		target.initialise(holder.context());
		CPPUNIT_ASSERT(target.storedImages().empty());
		std::vector<std::string> ids;
		for (const char* seed: { "1a", "2b", "3c", "4d", "5e" })
		{
			const ImageTask image = imageTask(std::string("team/app-") + seed, seed);
			CPPUNIT_ASSERT(target.store(image, std::string("sbom ") + seed, SbomFormat::forName("json")).stored);
			ids.push_back(image.imageId);
		}
		// A tag of another kind in the same repository is not an SBOM.
		OciRegistryClient client(OciRepository::parse("http://" + registry.host() + "/" + REPOSITORY), options(PASSWORD));
		const OciSbomArtifact other("x", "text/plain", "not-an-sbom");
		client.pushBlob(other.layer(), other.layerDigest());
		client.pushBlob(other.config(), other.configDigest());
		client.putManifest("latest", OciSbomArtifact::MANIFEST_MEDIA_TYPE, other.manifest());
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), client.listTags().size());

		std::vector<std::string> stored;
		for (const auto& image: target.storedImages())
		{
			stored.push_back(image.imageId);
			CPPUNIT_ASSERT_EQUAL("oci:" + registry.host() + "/" + REPOSITORY + ":" + OciSbomArtifact::tagFor(
				image.imageId.substr(image.imageId.find('@') + 1)), image.location);
		}
		std::sort(stored.begin(), stored.end());
		std::sort(ids.begin(), ids.end());
		CPPUNIT_ASSERT(ids == stored);
	}

	void testRemoveDeletesOnlyTheOrphan()
	{
		FakeTokenRegistry registry(USER, PASSWORD);
		ContextHolder holder(values(registry, PASSWORD));
		OciTarget target;
		target.initialise(holder.context());
		const ImageTask orphan = imageTask("team/old", "0f");
		const ImageTask running = imageTask("team/new", "f0");
		CPPUNIT_ASSERT(target.store(orphan, "old", SbomFormat::forName("json")).stored);
		CPPUNIT_ASSERT(target.store(running, "new", SbomFormat::forName("json")).stored);
		// Same digest under another name: the tag belongs to the image stored last.
		ImageTask mirror = running;
		mirror.imageId = "mirror.example/team/new@" + running.digest;

		const auto results = target.remove({ orphan.imageId, mirror.imageId, imageTask("team/never", "77").imageId });
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), results.size());
		for (const auto& result: results) CPPUNIT_ASSERT_MESSAGE(result.message, result.succeeded);
		CPPUNIT_ASSERT(!registry.hasManifest(REPOSITORY, OciSbomArtifact::tagFor(orphan.digest)));
		CPPUNIT_ASSERT(registry.hasManifest(REPOSITORY, OciSbomArtifact::tagFor(running.digest)));
		const auto stored = target.storedImages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), stored.size());
		CPPUNIT_ASSERT_EQUAL(running.imageId, stored[0].imageId);
	}

	void testWrongPasswordFailsTheImageWithoutThePassword()
	{
		FakeTokenRegistry registry(USER, PASSWORD);
		ContextHolder holder(values(registry, "wrong-s3cret-value"));
		TargetSet targets;
		targets.add(std::unique_ptr<OciTarget>(new OciTarget));
		targets.initialise(holder.context());
		const ImageTask image = imageTask("library/nginx", "ab");
		const auto result = targets.store(image, "doc", SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!result.succeeded);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.compare(0, 5, "oci: ") == 0);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find(registry.host() + "/" + REPOSITORY) != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("401") != std::string::npos);
		CPPUNIT_ASSERT(result.message.find("wrong-s3cret-value") == std::string::npos);

		OciRegistryClient client(OciRepository::parse("http://" + registry.host() + "/" + REPOSITORY), options("wrong-s3cret-value"));
		CPPUNIT_ASSERT_THROW(client.listTags(), OciAuthenticationException);
	}

	void testUnreachableRegistryFailsTheImage()
	{
		std::string host;
		{
			FakeTokenRegistry gone(USER, PASSWORD);
			host = gone.host();
		}
		ContextHolder holder({ { "oci-registry", "http://" + host + "/" + REPOSITORY }, { "oci-user", USER }, { "oci-token", PASSWORD } });
		OciTarget target;
		target.initialise(holder.context());
		const auto result = target.store(imageTask("library/nginx", "ab"), "doc", SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!result.stored);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("cannot reach HEAD http://" + host + "/v2/team/sboms/blobs/sha256:")
			!= std::string::npos);
		CPPUNIT_ASSERT_THROW(target.storedImages(), sbomop::targets::OciException);
	}

	void testWarnsLoudlyAndNeverLogsTheToken()
	{
		FakeTokenRegistry registry(USER, PASSWORD);
		std::map<std::string, std::string> settings = values(registry, PASSWORD);
		settings["oci-insecure-skip-tls-verify"] = "true";
		ContextHolder holder(settings);
		Poco::Logger& logger = Poco::Logger::get("sbomop.test.oci");
		Poco::AutoPtr<RecordingChannel> channel = new RecordingChannel;
		Poco::Channel::Ptr previous = logger.getChannel();
		const int level = logger.getLevel();
		logger.setChannel(channel);
		logger.setLevel(Poco::Message::PRIO_DEBUG);
		OciTarget target;
		target.initialise(holder.context());
		const ImageTask image = imageTask("library/nginx", "4242");
		CPPUNIT_ASSERT(target.store(image, "doc", SbomFormat::forName("json")).stored);
		const auto removed = target.remove({ image.imageId, "no-digest-at-all" });
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), removed.size());
		CPPUNIT_ASSERT(removed[0].succeeded && removed[1].succeeded);
		CPPUNIT_ASSERT(!registry.hasManifest(REPOSITORY, OciSbomArtifact::tagFor(image.digest)));
		logger.setChannel(previous);
		logger.setLevel(level);

		std::string all;
		for (const auto& message: channel->messages) all += message + "\n";
		CPPUNIT_ASSERT_MESSAGE(all, all.find("oci: TLS VERIFICATION IS DISABLED for " + registry.host()) != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(all, all.find("is reached over plain http") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(all, all.find("deleted " + registry.host() + "/team/sboms:" + OciSbomArtifact::tagFor(image.digest))
			!= std::string::npos);
		CPPUNIT_ASSERT(all.find(PASSWORD) == std::string::npos);
		CPPUNIT_ASSERT(all.find("tok-") == std::string::npos);
	}

	void testFollowsBlobRedirectsWithoutForwardingCredentials()
	{
		FakeTokenRegistry registry(USER, PASSWORD);
		OciRegistryClient client(OciRepository::parse("http://" + registry.host() + "/" + REPOSITORY), options(PASSWORD));
		const std::string digest = OciSbomArtifact::digestOf("layer content");
		CPPUNIT_ASSERT(client.pushBlob("layer content", digest));
		CPPUNIT_ASSERT(!client.pushBlob("layer content", digest));
		registry.redirectBlobDownloads(true);
		CPPUNIT_ASSERT_EQUAL(std::string("layer content"), client.getBlob(digest));
		CPPUNIT_ASSERT_EQUAL(1, registry.storageRequests());
		CPPUNIT_ASSERT_EQUAL(0, registry.storageRequestsWithAuthorization());
	}

private:
	class RecordingChannel: public Poco::Channel
	{
	public:
		void log(const Poco::Message& message) override
		{
			messages.push_back(message.getText());
		}

		std::vector<std::string> messages;
	};

	static std::map<std::string, std::string> values(const FakeTokenRegistry& registry, const std::string& password)
	{
		return { { "oci-registry", "http://" + registry.host() + "/" + REPOSITORY }, { "oci-user", USER }, { "oci-token", password } };
	}

	static OciRegistryClient::Options options(const std::string& password)
	{
		OciRegistryClient::Options result;
		result.username = USER;
		result.password = password;
		result.timeout = Poco::Timespan(10, 0);
		return result;
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OciTokenRegistryTest, "OciTarget");
