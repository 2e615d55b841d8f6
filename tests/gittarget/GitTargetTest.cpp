//
// GitTargetTest.cpp
//
// The git target against real git servers (lighttpd + git http-backend with
// basic auth on 127.0.0.1) started by the suite.
//

#include "GitServer.h"
#include "TokenEndpointDouble.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/targets/SbomFormat.h"
#include "sbomop/targets/git/GitException.h"
#include "sbomop/targets/git/GitTarget.h"
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <mutex>

using sbomop::config::BuiltinKeys;
using sbomop::plugin::ImageResult;
using sbomop::plugin::ImageTask;
using sbomop::plugin::StoredImage;
using sbomop::targets::GitException;
using sbomop::targets::GitTarget;
using sbomop::targets::SbomFormat;
using sbomop::testing::GitServer;
using sbomop::testing::TokenEndpointDouble;

namespace {

const std::string HEX1 = "1111111111111111111111111111111111111111111111111111111111111111";
const std::string HEX2 = "2222222222222222222222222222222222222222222222222222222222222222";
const std::string HEX3 = "3333333333333333333333333333333333333333333333333333333333333333";
const std::string NGINX = "docker.io/library/nginx@sha256:" + HEX1;
const std::string PRIVATE = "registry.local:5000/team/app@sha256:" + HEX2;
const std::string ALPINE = "docker.io/library/alpine@sha256:" + HEX3;
const std::string NGINX_FILE = "sboms/docker.io/library/nginx/sha256_" + HEX1 + "/sbom.json";
const std::string PRIVATE_FILE = "sboms/registry.local_5000/team/app/sha256_" + HEX2 + "/sbom.json";
const std::string ALPINE_FILE = "sboms/docker.io/library/alpine/sha256_" + HEX3 + "/sbom.json";
const std::string WRONG_PASSWORD = "wr0ng-Passw0rd-XYZ";

class RecordingChannel: public Poco::Channel
{
public:
	void log(const Poco::Message& message) override
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_text += message.getText() + "\n";
	}

	std::string text()
	{
		std::lock_guard<std::mutex> lock(_mutex);
		return _text;
	}

private:
	std::mutex _mutex;
	std::string _text;
};

ImageTask image(const std::string& id)
{
	ImageTask task;
	task.imageId = id;
	task.digest = id.substr(id.find('@') + 1);
	task.originalReference = id;
	task.pullReference = id;
	return task;
}

std::string document(const std::string& id, int version = 1)
{
	return "{\"source\":\"" + id + "\",\"version\":" + std::to_string(version) + "}\n";
}

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

std::string withCredentials(const std::string& url, const std::string& userInfo)
{
	return url.substr(0, url.find("://") + 3) + userInfo + "@" + url.substr(url.find("://") + 3);
}

}

class GitTargetTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(GitTargetTest);
	CPPUNIT_TEST(testCycleStoresFilesAtTheGoPathsInOneCommitWithTheAuthor);
	CPPUNIT_TEST(testUnchangedSbomsCountAsStoredWithoutACommit);
	CPPUNIT_TEST(testConcurrentRemoteCommitIsFetchedAndThePushRetried);
	CPPUNIT_TEST(testPushRefusedByTheServerFailsAfterTheRetries);
	CPPUNIT_TEST(testOrphanRemovalDeletesDigestFoldersInOneCommit);
	CPPUNIT_TEST(testWrongPasswordFailsEveryImageWithoutThePassword);
	CPPUNIT_TEST(testEmptyRemoteGetsTheBranchCreated);
	CPPUNIT_TEST(testShutdownCancelsNetworkOperations);
	CPPUNIT_TEST(testGitHubAppInstallationTokenAuthenticatesGit);
	CPPUNIT_TEST(testExistingWorkingTreeIsReusedAndForeignFolderRefused);
	CPPUNIT_TEST(testHttpsVerifiesTheServerUnlessToldOtherwise);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_pChannel = new RecordingChannel;
		Poco::Logger& logger = Poco::Logger::get("test.gittarget");
		logger.setChannel(_pChannel);
		logger.setLevel(Poco::Message::PRIO_DEBUG);
	}

	void tearDown() override
	{
		Poco::Logger::get("test.gittarget").setChannel(nullptr);
	}

	void testCycleStoresFilesAtTheGoPathsInOneCommitWithTheAuthor()
	{
		GitServer server("cycle");
		CPPUNIT_ASSERT_EQUAL(1, server.commitCount());
		GitTarget target;
		target.initialise(*config(server, server.scratch("wt")), logger());

		target.beginBatch("cycle-1");
		GitTarget::StoreResult first = target.store(image(NGINX), document(NGINX), SbomFormat::forName("json"));
		GitTarget::StoreResult second = target.store(image(PRIVATE), document(PRIVATE), SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT(first.deferred);
		CPPUNIT_ASSERT(!first.stored);
		CPPUNIT_ASSERT_EQUAL(std::string("git:" + NGINX_FILE), first.location);
		CPPUNIT_ASSERT_EQUAL(std::string("git:" + PRIVATE_FILE), second.location);
		CPPUNIT_ASSERT_EQUAL(1, server.commitCount());   // nothing pushed before finishBatch()

		std::vector<ImageResult> results = target.finishBatch();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), results.size());
		for (const auto& result: results) CPPUNIT_ASSERT_MESSAGE(result.message, result.succeeded);
		CPPUNIT_ASSERT_EQUAL(NGINX, results[0].imageId);
		CPPUNIT_ASSERT_EQUAL(PRIVATE, results[1].imageId);

		CPPUNIT_ASSERT_EQUAL(2, server.commitCount());
		CPPUNIT_ASSERT_EQUAL(document(NGINX), server.show(NGINX_FILE));
		CPPUNIT_ASSERT_EQUAL(document(PRIVATE), server.show(PRIVATE_FILE));
		CPPUNIT_ASSERT(server.hasPath("README.md"));
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM Operator <sbom@example.com>|SBOM Operator <sbom@example.com>"),
			server.git({ "log", "-1", "--format=%an <%ae>|%cn <%ce>", "main" }));
		CPPUNIT_ASSERT_EQUAL(GitTarget::commitMessage({ NGINX, PRIVATE }), server.git({ "log", "-1", "--format=%B", "main" }));

		// The SPDX tag-value extension of the Go operator.
		target.beginBatch("cycle-2");
		CPPUNIT_ASSERT_EQUAL(std::string("git:sboms/docker.io/library/alpine/sha256_" + HEX3 + "/sbom.spdx"),
			target.store(image(ALPINE), "SPDXVersion: SPDX-2.3\n", SbomFormat::forName("spdx")).location);
		CPPUNIT_ASSERT(target.finishBatch().at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(3, server.commitCount());
		CPPUNIT_ASSERT_EQUAL(std::string("Created new SBOM for image " + ALPINE), server.git({ "log", "-1", "--format=%s", "main" }));
	}

	void testUnchangedSbomsCountAsStoredWithoutACommit()
	{
		GitServer server("unchanged");
		GitTarget target;
		target.initialise(*config(server, server.scratch("wt")), logger());
		runCycle(target, { NGINX });
		CPPUNIT_ASSERT_EQUAL(2, server.commitCount());

		std::vector<ImageResult> again = runCycle(target, { NGINX });
		CPPUNIT_ASSERT(again.at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(2, server.commitCount());

		std::vector<ImageResult> changed = runCycle(target, { NGINX }, 2);
		CPPUNIT_ASSERT(changed.at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(3, server.commitCount());
		CPPUNIT_ASSERT_EQUAL(document(NGINX, 2), server.show(NGINX_FILE));
	}

	void testConcurrentRemoteCommitIsFetchedAndThePushRetried()
	{
		GitServer server("concurrent");
		GitTarget target;
		target.initialise(*config(server, server.scratch("wt")), logger());
		target.beginBatch("cycle-1");
		CPPUNIT_ASSERT(target.store(image(NGINX), document(NGINX), SbomFormat::forName("json")).deferred);

		// Someone else pushes between beginBatch() and finishBatch().
		const std::string other = server.scratch("other");
		GitServer::run({ "clone", "-q", withCredentials(server.url(), "sbom:s3cret"), other });
		Poco::FileOutputStream(other + "/manual.txt") << "by hand\n";
		GitServer::run({ "add", "manual.txt" }, other);
		GitServer::run({ "commit", "-q", "-m", "manual change" }, other);
		GitServer::run({ "push", "-q", "origin", "main" }, other);
		CPPUNIT_ASSERT_EQUAL(2, server.commitCount());

		std::vector<ImageResult> results = target.finishBatch();
		CPPUNIT_ASSERT_MESSAGE(results.at(0).message, results.at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(3, server.commitCount());
		CPPUNIT_ASSERT_EQUAL(std::string("Created new SBOM for image " + NGINX + "\nmanual change\ninitial commit"),
			server.git({ "log", "--format=%s", "main" }));
		CPPUNIT_ASSERT_EQUAL(std::string("by hand\n"), server.show("manual.txt"));
		CPPUNIT_ASSERT_EQUAL(document(NGINX), server.show(NGINX_FILE));
		CPPUNIT_ASSERT(contains(_pChannel->text(), "push rejected"));
	}

	void testPushRefusedByTheServerFailsAfterTheRetries()
	{
		GitServer server("refused");
		const std::string hook = server.bareRepository() + "/hooks/pre-receive";
		Poco::FileOutputStream(hook) << "#!/bin/sh\necho protected branch >&2\nexit 1\n";
		Poco::File(hook).setExecutable(true);
		GitTarget target;
		target.initialise(*config(server, server.scratch("wt")), logger());
		std::vector<ImageResult> results = runCycle(target, { NGINX, ALPINE });
		for (const auto& result: results)
		{
			CPPUNIT_ASSERT(!result.succeeded);
			CPPUNIT_ASSERT_MESSAGE(result.message, contains(result.message, "git push to " + server.url() + " rejected 4 times"));
			CPPUNIT_ASSERT_MESSAGE(result.message, contains(result.message, "refs/heads/main: pre-receive hook declined"));
		}
		CPPUNIT_ASSERT_EQUAL(1, server.commitCount());
	}

	void testOrphanRemovalDeletesDigestFoldersInOneCommit()
	{
		GitServer server("orphans");
		GitTarget target;
		target.initialise(*config(server, server.scratch("wt")), logger());
		runCycle(target, { NGINX, PRIVATE, ALPINE });

		std::vector<StoredImage> stored = target.storedImages();
		std::vector<std::string> ids;
		for (const auto& entry: stored) ids.push_back(entry.imageId);
		std::sort(ids.begin(), ids.end());
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), ids.size());
		CPPUNIT_ASSERT_EQUAL(ALPINE, ids[0]);
		CPPUNIT_ASSERT_EQUAL(NGINX, ids[1]);
		CPPUNIT_ASSERT_EQUAL(PRIVATE, ids[2]);   // the registry port survives the round trip
		for (const auto& entry: stored)
		{
			if (entry.imageId == NGINX) CPPUNIT_ASSERT_EQUAL(std::string("git:" + NGINX_FILE), entry.location);
		}

		const int before = server.commitCount();
		const std::string unknown = "docker.io/library/never@sha256:" + HEX2;
		std::vector<ImageResult> removed = target.remove({ NGINX, PRIVATE, unknown });
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), removed.size());
		for (const auto& result: removed) CPPUNIT_ASSERT_MESSAGE(result.message, result.succeeded);
		CPPUNIT_ASSERT_EQUAL(unknown, removed[2].imageId);
		CPPUNIT_ASSERT_EQUAL(before + 1, server.commitCount());
		CPPUNIT_ASSERT_EQUAL(std::string("Deleted old SBOMs"), server.git({ "log", "-1", "--format=%s", "main" }));
		CPPUNIT_ASSERT(!server.hasPath("sboms/docker.io/library/nginx/sha256_" + HEX1));
		CPPUNIT_ASSERT(!server.hasPath("sboms/registry.local_5000"));
		CPPUNIT_ASSERT_EQUAL(document(ALPINE), server.show(ALPINE_FILE));

		stored = target.storedImages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), stored.size());
		CPPUNIT_ASSERT_EQUAL(ALPINE, stored[0].imageId);

		// Nothing left to remove: no commit.
		CPPUNIT_ASSERT(target.remove({ NGINX }).at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(before + 1, server.commitCount());
	}

	void testWrongPasswordFailsEveryImageWithoutThePassword()
	{
		GitServer server("wrongpassword");
		auto cfg = config(server, server.scratch("wt"));
		cfg->setString(BuiltinKeys::GIT_PASSWORD, WRONG_PASSWORD);
		GitTarget target;
		target.initialise(*cfg, logger());   // an unreachable remote is not fatal

		target.beginBatch("cycle-1");
		for (const std::string& id: { NGINX, PRIVATE })
		{
			GitTarget::StoreResult result = target.store(image(id), document(id), SbomFormat::forName("json"));
			CPPUNIT_ASSERT(!result.stored);
			CPPUNIT_ASSERT(!result.deferred);
			CPPUNIT_ASSERT_MESSAGE(result.message, contains(result.message, "git fetch from " + server.url() + " failed"));
			CPPUNIT_ASSERT_MESSAGE(result.message, contains(result.message, "authentication failed"));
			CPPUNIT_ASSERT(!contains(result.message, WRONG_PASSWORD));
		}
		CPPUNIT_ASSERT(target.finishBatch().empty());
		CPPUNIT_ASSERT_THROW(target.storedImages(), GitException);
		std::vector<ImageResult> removed = target.remove({ NGINX });
		CPPUNIT_ASSERT(!removed.at(0).succeeded);
		CPPUNIT_ASSERT(!contains(removed.at(0).message, WRONG_PASSWORD));
		CPPUNIT_ASSERT(contains(_pChannel->text(), "authentication failed"));
		CPPUNIT_ASSERT(!contains(_pChannel->text(), WRONG_PASSWORD));
		CPPUNIT_ASSERT_EQUAL(1, server.commitCount());
	}

	void testEmptyRemoteGetsTheBranchCreated()
	{
		GitServer::Options options;
		options.empty = true;
		GitServer server("empty", options);
		CPPUNIT_ASSERT_EQUAL(0, server.commitCount());
		GitTarget target;
		target.initialise(*config(server, server.scratch("wt")), logger());
		std::vector<ImageResult> results = runCycle(target, { NGINX });
		CPPUNIT_ASSERT_MESSAGE(results.at(0).message, results.at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(1, server.commitCount());
		CPPUNIT_ASSERT_EQUAL(document(NGINX), server.show(NGINX_FILE));
	}

	void testShutdownCancelsNetworkOperations()
	{
		GitServer server("shutdown");
		sbomop::StopToken shutdown;
		GitTarget target;
		target.initialise(*config(server, server.scratch("wt")), logger(), &shutdown);
		CPPUNIT_ASSERT(runCycle(target, { NGINX }).at(0).succeeded);

		shutdown.requestStop();
		target.beginBatch("cycle-2");
		GitTarget::StoreResult result = target.store(image(ALPINE), document(ALPINE), SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!result.deferred);
		CPPUNIT_ASSERT_EQUAL("git fetch from " + server.url() + " failed: cancelled: the operator is shutting down", result.message);
		CPPUNIT_ASSERT_EQUAL(2, server.commitCount());
	}

	void testGitHubAppInstallationTokenAuthenticatesGit()
	{
		const std::string token = "ghs_InstallationToken0042";
		const auto& key = TokenEndpointDouble::appKey();
		TokenEndpointDouble endpoint(*key.key, "4711", "99", token);
		GitServer::Options options;
		options.extraUser = "x-access-token";
		options.extraPassword = token;
		GitServer server("githubapp", options);

		auto cfg = config(server, server.scratch("wt"));
		cfg->remove(BuiltinKeys::GIT_USERNAME);
		cfg->remove(BuiltinKeys::GIT_PASSWORD);
		cfg->setString(BuiltinKeys::GITHUB_APP_ID, "4711");
		cfg->setString(BuiltinKeys::GITHUB_APP_INSTALLATION_ID, "99");
		cfg->setString(BuiltinKeys::GITHUB_APP_PRIVATE_KEY, key.base64Pem);
		cfg->setString(BuiltinKeys::GITHUB_API_URL, endpoint.url());
		GitTarget target;
		target.validate(*cfg);
		target.initialise(*cfg, logger());
		std::vector<ImageResult> results = runCycle(target, { NGINX });
		CPPUNIT_ASSERT_MESSAGE(results.at(0).message, results.at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(2, server.commitCount());
		CPPUNIT_ASSERT_EQUAL(document(NGINX), server.show(NGINX_FILE));
		runCycle(target, { NGINX }, 2);
		CPPUNIT_ASSERT_EQUAL(3, server.commitCount());
		// One JWT-authorised request: the token is cached across fetches and pushes.
		CPPUNIT_ASSERT_EQUAL(1, endpoint.state().accepted);
		CPPUNIT_ASSERT_EQUAL(0, endpoint.state().refused);
		CPPUNIT_ASSERT(!contains(_pChannel->text(), token));
	}

	void testExistingWorkingTreeIsReusedAndForeignFolderRefused()
	{
		GitServer server("reuse");
		const std::string workingTree = server.scratch("wt");
		{
			GitTarget target;
			target.initialise(*config(server, workingTree), logger());
			runCycle(target, { NGINX });
		}
		GitTarget again;
		again.initialise(*config(server, workingTree), logger());
		std::vector<StoredImage> stored = again.storedImages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), stored.size());
		CPPUNIT_ASSERT_EQUAL(NGINX, stored[0].imageId);
		CPPUNIT_ASSERT(runCycle(again, { ALPINE }).at(0).succeeded);
		CPPUNIT_ASSERT_EQUAL(3, server.commitCount());

		const std::string foreign = server.scratch("foreign");
		Poco::File(foreign).createDirectories();
		Poco::FileOutputStream(foreign + "/keep.txt") << "not ours\n";
		GitTarget refused;
		CPPUNIT_ASSERT_THROW(refused.initialise(*config(server, foreign), logger()), GitException);
		CPPUNIT_ASSERT(Poco::File(foreign + "/keep.txt").exists());
	}

	void testHttpsVerifiesTheServerUnlessToldOtherwise()
	{
		GitServer::Options options;
		options.tls = true;
		GitServer server("tls", options);
		CPPUNIT_ASSERT(contains(server.url(), "https://127.0.0.1:"));

		// The test CA is unknown: the certificate is refused.
		{
			GitTarget target;
			target.initialise(*config(server, server.scratch("wt-untrusted")), logger());
			target.beginBatch("cycle-1");
			GitTarget::StoreResult result = target.store(image(NGINX), document(NGINX), SbomFormat::forName("json"));
			CPPUNIT_ASSERT(!result.stored && !result.deferred);
			CPPUNIT_ASSERT_MESSAGE(result.message, contains(result.message, "certificate"));
		}
		// Verification off: works, with a warning.
		{
			auto cfg = config(server, server.scratch("wt-insecure"));
			cfg->setBool(BuiltinKeys::GIT_INSECURE_SKIP_TLS_VERIFY, true);
			GitTarget target;
			target.initialise(*cfg, logger());
			CPPUNIT_ASSERT(contains(_pChannel->text(), "TLS certificate verification is OFF"));
			std::vector<ImageResult> results = runCycle(target, { NGINX });
			CPPUNIT_ASSERT_MESSAGE(results.at(0).message, results.at(0).succeeded);
		}
		// The test CA configured (process-wide in libgit2, hence last): works.
		{
			auto cfg = config(server, server.scratch("wt-ca"));
			cfg->setString(BuiltinKeys::GIT_CA_CERT_FILE, server.caFile());
			GitTarget target;
			target.validate(*cfg);
			target.initialise(*cfg, logger());
			std::vector<ImageResult> results = runCycle(target, { ALPINE });
			CPPUNIT_ASSERT_MESSAGE(results.at(0).message, results.at(0).succeeded);
		}
		CPPUNIT_ASSERT_EQUAL(3, server.commitCount());
	}

private:
	Poco::Logger& logger()
	{
		return Poco::Logger::get("test.gittarget");
	}

	Poco::AutoPtr<Poco::Util::MapConfiguration> config(const GitServer& server, const std::string& workingTree)
	{
		Poco::AutoPtr<Poco::Util::MapConfiguration> cfg = new Poco::Util::MapConfiguration;
		cfg->setString(BuiltinKeys::GIT_REPOSITORY, server.url());
		cfg->setString(BuiltinKeys::GIT_WORKINGTREE, workingTree);
		cfg->setString(BuiltinKeys::GIT_BRANCH, "main");
		cfg->setString(BuiltinKeys::GIT_PATH, "sboms");
		cfg->setString(BuiltinKeys::GIT_USERNAME, "sbom");
		cfg->setString(BuiltinKeys::GIT_PASSWORD, "s3cret");
		cfg->setString(BuiltinKeys::GIT_AUTHOR_NAME, "SBOM Operator");
		cfg->setString(BuiltinKeys::GIT_AUTHOR_EMAIL, "sbom@example.com");
		return cfg;
	}

	std::vector<ImageResult> runCycle(GitTarget& target, const std::vector<std::string>& ids, int version = 1)
	{
		target.beginBatch("cycle");
		for (const auto& id: ids)
		{
			GitTarget::StoreResult result = target.store(image(id), document(id, version), SbomFormat::forName("json"));
			CPPUNIT_ASSERT_MESSAGE(result.message, result.deferred);
		}
		std::vector<ImageResult> results = target.finishBatch();
		CPPUNIT_ASSERT_EQUAL(ids.size(), results.size());
		return results;
	}

	Poco::AutoPtr<RecordingChannel> _pChannel;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GitTargetTest, "GitTarget");
