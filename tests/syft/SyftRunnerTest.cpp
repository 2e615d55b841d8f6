//
// SyftRunnerTest.cpp
//
// SyftRunner against the Syft test double and a fake registry on 127.0.0.1.
//

#include "FakeRegistry.h"
#include "SyftTestSupport.h"
#include "sbomop/logging/SecretRedactor.h"
#include "sbomop/syft/SyftRunner.h"
#include <Poco/File.h>
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <thread>

using namespace sbomop::testing;
using sbomop::StopToken;
using sbomop::logging::SecretRedactor;
using sbomop::registry::RegistryCredentials;
using sbomop::targets::SbomFormat;
using sbomop::syft::ScanResult;
using sbomop::syft::SyftRunner;

namespace
{
	const std::string USER = "scanner";
	// Quotes, backslash, YAML syntax and a line break: it must survive the
	// config file and never show up anywhere else.
	const std::string PASSWORD = "pa\"ss\\w: #rd\n'x'";
}


class SyftRunnerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SyftRunnerTest);
	CPPUNIT_TEST(testScansAndRemovesTheWorkspace);
	CPPUNIT_TEST(testCredentialsOnlyInAPrivateConfigFileNeverInArgv);
	CPPUNIT_TEST(testEnvironmentCarriesNoOperatorSecrets);
	CPPUNIT_TEST(testWritesTheRequestedFormatAndVersion);
	CPPUNIT_TEST(testBearerTokenServiceAndRegistryTokens);
	CPPUNIT_TEST(testPlatformSelectsTheManifestOfAMultiArchImage);
	CPPUNIT_TEST(testWrongPasswordFailsWithSyftsMessage);
	CPPUNIT_TEST(testFailureMessageMasksThePasswordAndKnownSecrets);
	CPPUNIT_TEST(testTruncatedStderrNeverLeaksAPartialSecret);
	CPPUNIT_TEST(testTimeoutKillsAHangingScanAndItsChildren);
	CPPUNIT_TEST(testCancelStopsARunningScan);
	CPPUNIT_TEST(testCancelledBeforeStartRunsNothing);
	CPPUNIT_TEST(testGarbageEmptyOrMissingOutputFails);
	CPPUNIT_TEST(testLargeDocumentsArriveWhole);
	CPPUNIT_TEST(testAuthorityIsTheRegistryOfThePullReference);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_registry.reset(new FakeRegistry(USER, PASSWORD));
		_digest = _registry->addImage("team/app", "1.0");
		_work.reset(new TempDir);
		_record.reset(new TempDir);
	}

	void tearDown()
	{
		_registry.reset();
		_work.reset();
		_record.reset();
	}

	void testScansAndRemovesTheWorkspace()
	{
		StopToken cancel;
		const ScanResult result = runner("json").scan(task(), cancel);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.message, ScanResult::SUCCEEDED, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string(""), result.message);
		CPPUNIT_ASSERT(result.document.find("\"schema\":{\"version\":\"16.1.10\"") != std::string::npos);
		CPPUNIT_ASSERT(result.document.find("\"manifestDigest\":\"" + _digest + "\"") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(1, _registry->manifestRequests());
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testCredentialsOnlyInAPrivateConfigFileNeverInArgv()
	{
		StopToken cancel;
		CPPUNIT_ASSERT_EQUAL(ScanResult::SUCCEEDED, runner("cyclonedxjson", "1.6").scan(task(), cancel).status);
		const std::vector<std::string> args = recordFiles(_record->path(), "args");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), args.size());
		const std::string argv = readFile(args[0]);
		for (const std::string& fragment: { PASSWORD, std::string("pa\"ss"), std::string("#rd"), USER })
		{
			CPPUNIT_ASSERT_MESSAGE(argv, argv.find(fragment) == std::string::npos);
		}
		// argv as the runner built it, and the kernel's copy of it.
		const std::string config = readFile(recordFiles(_record->path(), "config").at(0));
		const std::string workspace = Poco::trim(config.substr(config.find("cwd=") + 4, config.find('\n') - config.find("cwd=") - 4));
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), workspace.find(_work->path() + "/sbomop-syft-"));
		const std::string expected = doublePath() + "\nscan\nregistry:" + reference() + "\n-o\ncyclonedx-json@1.6=" + workspace +
			"/sbom.json\n-q\n-c\n" + workspace + "/syft.yaml\n--platform\nlinux/arm64\n";
		CPPUNIT_ASSERT_EQUAL(expected + "--- /proc/self/cmdline\n" + expected, argv);
		// The config file: owner-only, in an owner-only directory, with the password quoted.
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), config.find("mode=0600 dirmode=0700 cwd="));
		CPPUNIT_ASSERT(config.find("      password: \"pa\\\"ss\\\\w: #rd\\n'x'\"\n") != std::string::npos);
		CPPUNIT_ASSERT(config.find("    - authority: \"" + _registry->host() + "\"\n") != std::string::npos);
		CPPUNIT_ASSERT(!Poco::File(workspace).exists());
	}

	void testEnvironmentCarriesNoOperatorSecrets()
	{
		StopToken cancel;
		std::map<std::string, std::string> parent = doubleEnvironment(_record->path());
		parent["SBOM_GIT_PASSWORD"] = "git-secret-value";
		parent["SBOM_DTRACK_API_KEY"] = "dtrack-secret-value";
		parent["SYFT_REGISTRY_AUTH_PASSWORD"] = "env-registry-password";
		parent["SYFT_CONFIG"] = "/etc/other-syft.yaml";
		parent["KUBERNETES_SERVICE_HOST"] = "10.0.0.1";
		parent["HTTPS_PROXY"] = "http://proxy.example:3128";
		parent["SYFT_CHECK_FOR_APP_UPDATE"] = "true";
		CPPUNIT_ASSERT_EQUAL(ScanResult::SUCCEEDED, runner("json", "", parent).scan(task(), cancel).status);
		const std::string env = readFile(recordFiles(_record->path(), "env").at(0));
		for (const char* absent: { "SBOM_", "secret-value", "env-registry-password", "SYFT_CONFIG=", "KUBERNETES_", PASSWORD.c_str() })
		{
			CPPUNIT_ASSERT_MESSAGE(absent, env.find(absent) == std::string::npos);
		}
		CPPUNIT_ASSERT(env.find("HTTPS_PROXY=http://proxy.example:3128\n") != std::string::npos);
		CPPUNIT_ASSERT(env.find("SYFT_CHECK_FOR_APP_UPDATE=false\n") != std::string::npos);
		CPPUNIT_ASSERT(env.find("SYFT_REGISTRY_INSECURE_USE_HTTP=true\n") != std::string::npos);
		CPPUNIT_ASSERT(env.find("TMPDIR=" + _work->path() + "/sbomop-syft-") != std::string::npos);
	}

	void testWritesTheRequestedFormatAndVersion()
	{
		StopToken cancel;
		const auto document = [&](const std::string& format, const std::string& version) {
			const ScanResult result = runner(format, version).scan(task(), cancel);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(result.message, ScanResult::SUCCEEDED, result.status);
			return result.document;
		};
		CPPUNIT_ASSERT(document("cyclonedxjson", "").find("\"specVersion\": \"1.7\"") != std::string::npos);
		CPPUNIT_ASSERT(document("cyclonedxjson", "1.4").find("\"specVersion\": \"1.4\"") != std::string::npos);
		CPPUNIT_ASSERT(document("cyclone", "1.2").find("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.2\"") != std::string::npos);
		CPPUNIT_ASSERT(document("spdxjson", "").find("\"spdxVersion\": \"SPDX-2.3\"") != std::string::npos);
		CPPUNIT_ASSERT(document("spdxjson", "3.0").find("\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\"") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), document("spdx", "2.2").find("SPDXVersion: SPDX-2.2\n"));
		CPPUNIT_ASSERT(document("githubjson", "").find("\"detector\":{\"name\":\"syft\"") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), document("table", "").find("NAME"));
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), document("text", "").find("[Image]\n"));
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testBearerTokenServiceAndRegistryTokens()
	{
		StopToken cancel;
		_registry.reset(new FakeRegistry(USER, PASSWORD, FakeRegistry::BEARER, "static-registry-token"));
		_digest = _registry->addImage("team/app", "2.0");
		CPPUNIT_ASSERT_EQUAL(ScanResult::SUCCEEDED, runner("json").scan(task(), cancel).status);
		const ScanResult withToken = runner("json").scan(task(RegistryCredentials(_registry->host(), "", "", "static-registry-token")), cancel);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(withToken.message, ScanResult::SUCCEEDED, withToken.status);
		const ScanResult anonymous = runner("json").scan(task(RegistryCredentials()), cancel);
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, anonymous.status);
		CPPUNIT_ASSERT(anonymous.message.find("UNAUTHORIZED: authentication required") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(2, _registry->manifestRequests());
	}

	void testPlatformSelectsTheManifestOfAMultiArchImage()
	{
		StopToken cancel;
		std::map<std::string, std::string> children;
		_digest = _registry->addIndex("team/app", "multi", { "linux/amd64", "linux/arm64/v8", "linux/s390x" }, children);
		const ScanResult arm = runner("json").scan(task(), cancel);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(arm.message, ScanResult::SUCCEEDED, arm.status);
		CPPUNIT_ASSERT(arm.document.find("\"manifestDigest\":\"" + children["linux/arm64/v8"] + "\"") != std::string::npos);
		CPPUNIT_ASSERT(arm.document.find("\"repoDigests\":[\"" + _registry->host() + "/team/app@" + _digest + "\"]") != std::string::npos);
		CPPUNIT_ASSERT(arm.document.find("\"architecture\":\"arm64\"") != std::string::npos);

		SyftRunner::Options options = baseOptions(doubleEnvironment(""));
		options.platform = "linux/ppc64le";
		const ScanResult missing = SyftRunner(options, SbomFormat::forName("json"), "").scan(task(), cancel);
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, missing.status);
		CPPUNIT_ASSERT(Poco::endsWith(missing.message, "no child with platform linux/ppc64le in index " + reference()));
	}

	void testWrongPasswordFailsWithSyftsMessage()
	{
		StopToken cancel;
		const ScanResult result = runner("json").scan(task(RegistryCredentials(_registry->host(), USER, "wrong-password")), cancel);
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(0), result.message.find("Syft failed to scan " + reference() + " (exit code 1): [0000] ERROR could not "
			"determine source: errors occurred attempting to resolve 'registry:" + reference() + "': - registry: unable to load image: GET http://" +
			_registry->host() + "/v2/team/app/manifests/" + _digest + ": UNAUTHORIZED: authentication required"));
		CPPUNIT_ASSERT(result.message.find('\n') == std::string::npos);
		CPPUNIT_ASSERT(result.document.empty());
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testFailureMessageMasksThePasswordAndKnownSecrets()
	{
		StopToken cancel;
		const std::string knownSecret = "operator-wide-secret-4711";
		SecretRedactor::instance().add(knownSecret);
		const ScanResult result = runner("json", "", doubleEnvironment(_record->path(), { { "SYFT_DOUBLE_MODE", "fail" } }))
			.scan(task(RegistryCredentials(_registry->host(), knownSecret, PASSWORD)), cancel);
		SecretRedactor::instance().remove(knownSecret);
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, result.status);
		// The double deliberately prints both; the line break of the password is part of what is masked.
		CPPUNIT_ASSERT(Poco::endsWith(result.message, std::string("simulated failure (SYFT_DOUBLE_MODE=fail) for registry ") +
			_registry->host() + " with username *** and password ***"));
		CPPUNIT_ASSERT(result.message.find("pa\"ss") == std::string::npos);
		CPPUNIT_ASSERT(result.message.find("4711") == std::string::npos);
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testTruncatedStderrNeverLeaksAPartialSecret()
	{
		// A stand-in for Syft whose stderr ends so that the kept tail starts
		// in the middle of the password, followed by the password itself
		// several times: masking those shortens the text so much that no
		// later cut would drop the fragment.
		const std::string secret = "Zq9-first-half:SECOND-half-0123456789";
		SyftRunner::Options options = baseOptions(doubleEnvironment(""));
		options.stderrLimit = 100;
		const std::size_t captured = options.stderrLimit + secret.size() + 64;
		std::string after = "\n";
		for (int i = 0; i < 4; ++i) after += secret + "\n";
		for (int i = 0; after.size() < captured - secret.size() / 2; ++i) after += "line " + std::to_string(i) + "\n";
		after.resize(captured - secret.size() / 2 - 1);
		after += "\n";
		TempDir fake;
		writeFile(fake.file("stderr.txt"), std::string(5000, 'a') + "\n" + secret + after);
		writeFile(fake.file("syft"), "#!/bin/sh\ncat '" + fake.file("stderr.txt") + "' >&2\nexit 1\n", 0755);
		options.executable = fake.file("syft");
		StopToken cancel;
		const ScanResult result = SyftRunner(options, SbomFormat::forName("json"), "")
			.scan(task(RegistryCredentials(_registry->host(), USER, secret)), cancel);
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("(exit code 1): [...] *** *** *** line 0") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("half-0123") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("6789") == std::string::npos);
		CPPUNIT_ASSERT(result.message.size() < 200 + reference().size());
	}

	void testTimeoutKillsAHangingScanAndItsChildren()
	{
		StopToken cancel;
		SyftRunner::Options options = baseOptions(doubleEnvironment(_record->path(),
			{ { "SYFT_DOUBLE_MODE", "hang" }, { "SYFT_DOUBLE_IGNORE_SIGTERM", "true" } }));
		options.timeout = Poco::Timespan(1, 0);
		options.killGrace = Poco::Timespan(0, 200000);
		const ScanResult result = SyftRunner(options, SbomFormat::forName("json"), "").scan(task(), cancel);
		CPPUNIT_ASSERT_EQUAL(ScanResult::TIMED_OUT, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Syft did not finish scanning " + reference() + " within 1 s and was killed"), result.message);
		const std::vector<int> children = childPids(_record->path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), children.size());
		CPPUNIT_ASSERT(waitUntilGone(children[0], 5000));
		// The double left its unpacked layers in TMPDIR; they went with the workspace.
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testCancelStopsARunningScan()
	{
		StopToken cancel;
		ScanResult result;
		std::thread scanner([&] {
			result = runner("json", "", doubleEnvironment(_record->path(), { { "SYFT_DOUBLE_MODE", "hang" } })).scan(task(), cancel);
		});
		CPPUNIT_ASSERT(waitForEvent(_record->path(), "child ", 10000));
		cancel.requestStop();
		scanner.join();
		CPPUNIT_ASSERT_EQUAL(ScanResult::CANCELLED, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("scan of " + reference() + " cancelled; Syft was stopped"), result.message);
		CPPUNIT_ASSERT(waitUntilGone(childPids(_record->path()).at(0), 5000));
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testCancelledBeforeStartRunsNothing()
	{
		StopToken cancel;
		cancel.requestStop();
		const ScanResult result = runner("json").scan(task(), cancel);
		CPPUNIT_ASSERT_EQUAL(ScanResult::CANCELLED, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("scan of " + reference() + " cancelled before Syft started"), result.message);
		CPPUNIT_ASSERT(eventLines(_record->path()).empty());
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testGarbageEmptyOrMissingOutputFails()
	{
		StopToken cancel;
		const auto scanIn = [&](const std::string& mode) {
			return runner("cyclonedxjson", "", doubleEnvironment("", { { "SYFT_DOUBLE_MODE", mode } })).scan(task(), cancel);
		};
		const ScanResult garbage = scanIn("garbage");
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, garbage.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Syft wrote output for " + reference() + " that is not a cyclonedx-json document"), garbage.message);
		const ScanResult empty = scanIn("empty");
		CPPUNIT_ASSERT_EQUAL(std::string("Syft wrote an empty SBOM for " + reference()), empty.message);
		const ScanResult missing = scanIn("missing");
		CPPUNIT_ASSERT_EQUAL(std::string("Syft exited successfully but wrote no SBOM for " + reference()), missing.message);
		CPPUNIT_ASSERT(garbage.document.empty() && empty.document.empty() && missing.document.empty());
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testLargeDocumentsArriveWhole()
	{
		StopToken cancel;
		const ScanResult result = runner("cyclonedxjson", "1.6", doubleEnvironment("", { { "SYFT_DOUBLE_COMPONENTS", "20000" } }))
			.scan(task(), cancel);
		CPPUNIT_ASSERT_EQUAL(ScanResult::SUCCEEDED, result.status);
		CPPUNIT_ASSERT(result.document.size() > 4 * 1024 * 1024);
		CPPUNIT_ASSERT_EQUAL(std::size_t(20000), countOccurrences(result.document, "\"type\": \"library\""));
		CPPUNIT_ASSERT(Poco::endsWith(result.document, std::string("]\n}\n")));
	}

	void testAuthorityIsTheRegistryOfThePullReference()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io"), SyftRunner::authorityOf("nginx:1.25"));
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io"), SyftRunner::authorityOf("index.docker.io/library/nginx@sha256:" + std::string(64, 'a')));
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1:5000"), SyftRunner::authorityOf("127.0.0.1:5000/team/app:1"));
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), SyftRunner::authorityOf("ghcr.io/org/app@sha256:" + std::string(64, 'b')));
	}

private:
	std::string reference() const
	{
		return _registry->reference("team/app", _digest);
	}

	sbomop::plugin::ImageTask task() const
	{
		return task(RegistryCredentials(_registry->host(), USER, PASSWORD));
	}

	sbomop::plugin::ImageTask task(const RegistryCredentials& credentials) const
	{
		return imageTask(reference(), credentials);
	}

	SyftRunner::Options baseOptions(const std::map<std::string, std::string>& environment) const
	{
		SyftRunner::Options options;
		options.executable = doublePath();
		options.platform = "linux/arm64";
		options.timeout = Poco::Timespan(30, 0);
		options.killGrace = Poco::Timespan(1, 0);
		options.workRoot = _work->path();
		options.environment = environment;
		return options;
	}

	SyftRunner runner(const std::string& format, const std::string& version = "",
		const std::map<std::string, std::string>& environment = {}) const
	{
		return SyftRunner(baseOptions(environment.empty() ? doubleEnvironment(_record->path()) : environment),
			SbomFormat::forName(format), version);
	}

	std::unique_ptr<FakeRegistry> _registry;
	std::string _digest;
	std::unique_ptr<TempDir> _work;
	std::unique_ptr<TempDir> _record;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SyftRunnerTest, "Syft");
