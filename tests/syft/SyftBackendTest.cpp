//
// SyftBackendTest.cpp
//
// The syft backend end to end: configuration, process() over a batch with the
// Syft test double and a fake registry, concurrency, metrics, cancellation.
//

#include "FakeRegistry.h"
#include "RecordingTarget.h"
#include "SyftTestSupport.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/syft/SyftBackend.h"
#include <Poco/AutoPtr.h>
#include <Poco/Logger.h>
#include <Poco/NullChannel.h>
#include <Poco/RegularExpression.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>
#include <functional>
#include <memory>

using namespace sbomop::testing;
using sbomop::StopToken;
using sbomop::config::ConfigException;
using sbomop::plugin::ImageBatch;
using sbomop::plugin::ImageResult;
using sbomop::registry::RegistryCredentials;
using sbomop::syft::SyftBackend;
using sbomop::targets::Target;
using sbomop::targets::TargetSet;

namespace
{
	using Config = Poco::AutoPtr<Poco::Util::MapConfiguration>;

	const std::string USER = "robot$ci";
	const std::string PASSWORD = "s3cr3t:with\"quote";

	// Sets an environment variable of this process for one test; Syft's
	// environment is derived from it.
	class ScopedEnv
	{
	public:
		ScopedEnv(const std::string& name, const std::string& value): _name(name)
		{
			::setenv(name.c_str(), value.c_str(), 1);
		}

		~ScopedEnv()
		{
			::unsetenv(_name.c_str());
		}

	private:
		std::string _name;
	};

	std::string messageOf(const std::function<void()>& call)
	{
		try
		{
			call();
		}
		catch (ConfigException& exc)
		{
			return exc.message();
		}
		return "no error";
	}
}


class SyftBackendTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SyftBackendTest);
	CPPUNIT_TEST(testDescriptionSaysWhenNoTargetIsAvailable);
	CPPUNIT_TEST(testDescriptionNamesTheTargets);
	CPPUNIT_TEST(testBuiltinTargetsComeFromTheRegistry);
	CPPUNIT_TEST(testValidateKeepsTheTargetRequirements);
	CPPUNIT_TEST(testValidateChecksFormatVersionAndSyft);
	CPPUNIT_TEST(testValidateAsksTheAvailableTargets);
	CPPUNIT_TEST(testEveryImageFailsAfterItsScanWithoutTargets);
	CPPUNIT_TEST(testStoresEverySbomInTheTargets);
	CPPUNIT_TEST(testScanFailuresArePerImage);
	CPPUNIT_TEST(testScanConcurrencyBoundsTheRunningScans);
	CPPUNIT_TEST(testMetricsCountScansByResult);
	CPPUNIT_TEST(testCancelledBatchFailsEveryImage);
	CPPUNIT_TEST(testProcessBeforeStartIsAnError);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_registry.reset(new FakeRegistry(USER, PASSWORD));
		_work.reset(new TempDir);
		_record.reset(new TempDir);
		_http.reset(new ScopedEnv("SYFT_REGISTRY_INSECURE_USE_HTTP", "true"));
		_recording.reset(new ScopedEnv("SYFT_DOUBLE_RECORD", _record->path()));
		Poco::Logger::get("sbomop.test.syft").setChannel(new Poco::NullChannel);
	}

	void tearDown()
	{
		_recording.reset();
		_http.reset();
		_registry.reset();
		_work.reset();
		_record.reset();
	}

	void testDescriptionSaysWhenNoTargetIsAvailable()
	{
		SyftBackend backend(TargetSet::Factory(), _work->path());
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), backend.name());
		CPPUNIT_ASSERT_EQUAL(std::string("syft backend: generates an SBOM per pending image with the Syft CLI"), backend.description());
		Config config = configWith({ { "format", "cyclonedxjson" }, { "format-version", "1.6" }, { "platform", "linux/arm64" } });
		run(backend, *config, [&](SyftBackend& started) {
			CPPUNIT_ASSERT_EQUAL(std::string("syft backend: generates an SBOM per pending image with the Syft CLI (" + doublePath() +
				", cyclonedx-json@1.6, platform linux/arm64, 2 at a time, 600 s per image); none of the configured storage targets "
				"is available in this build, so every image is reported as failed after its scan and no pod is annotated"),
				started.description());
			CPPUNIT_ASSERT(!started.supportsOrphans());
		});
	}

	void testDescriptionNamesTheTargets()
	{
		SyftBackend backend(recordingTargets(), _work->path());
		Config config = configWith({ { "targets", "configmap,oci" }, { "oci-registry", "registry.example/sboms" },
			{ "oci-user", "u" }, { "oci-token", "t" } });
		run(backend, *config, [&](SyftBackend& started) {
			CPPUNIT_ASSERT_EQUAL(std::string("syft backend: generates an SBOM per pending image with the Syft CLI (" + doublePath() +
				", syft-json, platform " + started.description().substr(started.description().find("platform ") + 9,
				started.description().find(',', started.description().find("platform ")) - started.description().find("platform ") - 9) +
				", 2 at a time, 600 s per image) and stores it in configmap, oci"), started.description());
			CPPUNIT_ASSERT(started.supportsOrphans());
		});
	}

	void testBuiltinTargetsComeFromTheRegistry()
	{
		// Only the git target itself knows that it clones over HTTP(S).
		SyftBackend backend;
		Config config = configWith({ { "targets", "git" }, { "git-repository", "ssh://git.example/sboms.git" }, { "git-workingtree", _work->path() + "/git" }, { "git-branch", "main" },
			{ "git-author-name", "SBOM Operator" }, { "git-author-email", "sbom@example.com" } });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"ssh://git.example/sboms.git\" for key 'git-repository': the git target "
			"clones over HTTP(S); allowed: an http:// or https:// URL"), messageOf([&] { backend.validate(*config); }));
	}

	void testValidateKeepsTheTargetRequirements()
	{
		SyftBackend backend;
		Config config = configWith({});
		config->setString("targets", "git");
		CPPUNIT_ASSERT_EQUAL(std::string("missing value for key 'git-repository': required by target git"),
			messageOf([&] { backend.validate(*config); }));
		config->setString("targets", "dtrack");
		config->setString("dtrack-base-url", "https://dtrack.example");
		config->setString("dtrack-api-key", "key");
		CPPUNIT_ASSERT(messageOf([&] { backend.validate(*config); }).find("target dtrack accepts CycloneDX only") != std::string::npos);
	}

	void testValidateChecksFormatVersionAndSyft()
	{
		SyftBackend backend;
		Config config = configWith({ { "format", "spdxjson" }, { "format-version", "1.6" } });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"1.6\" for key 'format-version': format spdxjson (Syft spdx-json) has no such "
			"version; allowed: 2.2, 2.3, 3.0"), messageOf([&] { backend.validate(*config); }));
		config->setString("format-version", "3.0");
		CPPUNIT_ASSERT_EQUAL(std::string("no error"), messageOf([&] { backend.validate(*config); }));
		config->setString("syft-path", _work->file("no-syft"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"" + _work->file("no-syft") + "\" for key 'syft-path': no executable file at " +
			_work->file("no-syft") + "; allowed: an executable file name looked up in PATH, or a path to one"),
			messageOf([&] { backend.validate(*config); }));
	}

	void testValidateAsksTheAvailableTargets()
	{
		SyftBackend backend(recordingTargets(), _work->path());
		Config config = configWith({ { "configmap-fail-validation", "true" } });
		CPPUNIT_ASSERT_EQUAL(std::string("missing value for key 'configmap-thing': required by target configmap"),
			messageOf([&] { backend.validate(*config); }));
	}

	void testEveryImageFailsAfterItsScanWithoutTargets()
	{
		SyftBackend backend(TargetSet::Factory(), _work->path());
		const ImageBatch batch = batchOf({ "a", "b", "c" });
		Config config = configWith({});
		std::vector<ImageResult> results;
		run(backend, *config, [&](SyftBackend& started) {
			StopToken cancel;
			results = started.process(batch, cancel);
		});
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), results.size());
		const Poco::RegularExpression message("^SBOM generated \\(([0-9]{4,}) bytes\\) but no storage target is implemented in this build$");
		for (std::size_t i = 0; i < results.size(); ++i)
		{
			CPPUNIT_ASSERT_EQUAL(batch.images[i].imageId, results[i].imageId);
			CPPUNIT_ASSERT(!results[i].succeeded);
			CPPUNIT_ASSERT_MESSAGE(results[i].message, message.match(results[i].message));
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), recordFiles(_record->path(), "args").size());
		CPPUNIT_ASSERT(listDirectory(_work->path()).empty());
	}

	void testStoresEverySbomInTheTargets()
	{
		RecordingTarget* git = nullptr;
		SyftBackend backend([&](const std::string& name) -> std::unique_ptr<Target> {
			if (name != "git") return nullptr;
			git = new RecordingTarget(name, {});
			return std::unique_ptr<Target>(git);
		}, _work->path());
		const ImageBatch batch = batchOf({ "a", "b" });
		Config config = configWith({ { "targets", "git,oci" }, { "format", "spdxjson" }, { "git-repository", "https://git.example/sboms.git" },
			{ "git-author-name", "sbom" }, { "git-author-email", "sbom@example.com" }, { "oci-registry", "registry.example/sboms" },
			{ "oci-user", "u" }, { "oci-token", "t0ken-value" } });
		run(backend, *config, [&](SyftBackend& started) {
			StopToken cancel;
			const std::vector<ImageResult> results = started.process(batch, cancel);
			CPPUNIT_ASSERT_EQUAL(std::size_t(2), results.size());
			for (const ImageResult& result: results) CPPUNIT_ASSERT_MESSAGE(result.message, result.succeeded);
			CPPUNIT_ASSERT(started.supportsOrphans());
			CPPUNIT_ASSERT(started.description().find("and stores it in git") != std::string::npos);
			CPPUNIT_ASSERT(started.removeImages({ "x" }).at(0).succeeded);
		});
		CPPUNIT_ASSERT(git);
		CPPUNIT_ASSERT_EQUAL(1, git->log().initialised);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), git->log().documents.size());
		const std::string& document = git->log().documents[batch.images[1].imageId];
		CPPUNIT_ASSERT(document.find("\"spdxVersion\": \"SPDX-2.3\"") != std::string::npos);
		CPPUNIT_ASSERT(document.find(batch.images[1].digest.substr(7)) != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string("spdx-json"), git->log().formats.at(0));
	}

	void testScanFailuresArePerImage()
	{
		SyftBackend backend(recordingTargets(), _work->path());
		ImageBatch batch = batchOf({ "good" });
		batch.images.push_back(imageTask(_registry->host() + "/team/missing@sha256:" + std::string(64, '0'),
			RegistryCredentials(_registry->host(), USER, PASSWORD)));
		batch.images.push_back(imageTask(_registry->reference("team/good", batch.images[0].digest),
			RegistryCredentials(_registry->host(), USER, "wrong")));
		Config config = configWith({});
		run(backend, *config, [&](SyftBackend& started) {
			StopToken cancel;
			const std::vector<ImageResult> results = started.process(batch, cancel);
			CPPUNIT_ASSERT(results[0].succeeded);
			CPPUNIT_ASSERT(!results[1].succeeded);
			CPPUNIT_ASSERT(results[1].message.find("MANIFEST_UNKNOWN: manifest unknown") != std::string::npos);
			CPPUNIT_ASSERT(!results[2].succeeded);
			CPPUNIT_ASSERT(results[2].message.find("UNAUTHORIZED: authentication required") != std::string::npos);
		});
	}

	void testScanConcurrencyBoundsTheRunningScans()
	{
		CPPUNIT_ASSERT_EQUAL(1, maxConcurrentScans(1, "300"));
		CPPUNIT_ASSERT_EQUAL(4, maxConcurrentScans(4, "1500"));
	}

	void testMetricsCountScansByResult()
	{
		SyftBackend backend(TargetSet::Factory(), _work->path());
		ImageBatch batch = batchOf({ "a", "b" });
		batch.images.push_back(imageTask(_registry->host() + "/team/missing@sha256:" + std::string(64, '1'), RegistryCredentials()));
		Config config = configWith({});
		sbomop::http::MetricsRegistry metrics;
		run(backend, *config, [&](SyftBackend& started) {
			StopToken cancel;
			started.process(batch, cancel);
		}, &metrics);
		const std::string text = metrics.render();
		CPPUNIT_ASSERT_MESSAGE(text, text.find("sbomop_syft_scans_total{result=\"succeeded\"} 2\n") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("sbomop_syft_scans_total{result=\"failed\"} 1\n") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("sbomop_syft_scans_total{result=\"timeout\"} 0\n") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("sbomop_syft_scans_total{result=\"cancelled\"} 0\n") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("sbomop_syft_scan_duration_seconds_count 3\n") != std::string::npos);
	}

	void testCancelledBatchFailsEveryImage()
	{
		SyftBackend backend(recordingTargets(), _work->path());
		const ImageBatch batch = batchOf({ "a", "b", "c" });
		Config config = configWith({});
		run(backend, *config, [&](SyftBackend& started) {
			StopToken cancel;
			cancel.requestStop();
			const std::vector<ImageResult> results = started.process(batch, cancel);
			CPPUNIT_ASSERT_EQUAL(std::size_t(3), results.size());
			for (std::size_t i = 0; i < results.size(); ++i)
			{
				CPPUNIT_ASSERT(!results[i].succeeded);
				CPPUNIT_ASSERT_EQUAL(std::string("scan of " + batch.images[i].pullReference + " cancelled before Syft started"), results[i].message);
			}
		});
		CPPUNIT_ASSERT(eventLines(_record->path()).empty());
	}

	void testProcessBeforeStartIsAnError()
	{
		SyftBackend backend;
		StopToken cancel;
		CPPUNIT_ASSERT_THROW(backend.process(batchOf({ "a" }), cancel), Poco::IllegalStateException);
	}

private:
	Config configWith(const std::map<std::string, std::string>& values) const
	{
		Config config(new Poco::Util::MapConfiguration);
		config->setString("syft-path", doublePath());
		config->setString("targets", "configmap");
		for (const auto& entry: values) config->setString(entry.first, entry.second);
		return config;
	}

	static TargetSet::Factory recordingTargets()
	{
		return [](const std::string& name) { return std::unique_ptr<Target>(new RecordingTarget(name, {})); };
	}

	ImageBatch batchOf(const std::vector<std::string>& repositories) const
	{
		ImageBatch batch;
		batch.cycleId = "cycle-1";
		for (const std::string& repository: repositories)
		{
			const std::string digest = _registry->addImage("team/" + repository, "1.0");
			batch.images.push_back(imageTask(_registry->reference("team/" + repository, digest),
				RegistryCredentials(_registry->host(), USER, PASSWORD)));
		}
		return batch;
	}

	void run(SyftBackend& backend, const Poco::Util::AbstractConfiguration& config, const std::function<void(SyftBackend&)>& body,
		sbomop::http::MetricsRegistry* pMetrics = nullptr)
	{
		sbomop::http::MetricsRegistry ownMetrics;
		StopToken shutdown;
		sbomop::plugin::BackendContext context(config, Poco::Logger::get("sbomop.test.syft"), pMetrics ? *pMetrics : ownMetrics,
			nullptr, "sbom-system", "default", shutdown);
		backend.validate(config);
		backend.start(context);
		try
		{
			body(backend);
		}
		catch (...)
		{
			backend.stop();
			throw;
		}
		backend.stop();
	}

	int maxConcurrentScans(int concurrency, const std::string& delayMs)
	{
		TempDir record;
		ScopedEnv recording("SYFT_DOUBLE_RECORD", record.path());
		ScopedEnv delay("SYFT_DOUBLE_DELAY_MS", delayMs);
		SyftBackend backend(recordingTargets(), _work->path());
		const ImageBatch batch = batchOf({ "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8" });
		Config config = configWith({ { "scan-concurrency", std::to_string(concurrency) } });
		run(backend, *config, [&](SyftBackend& started) {
			StopToken cancel;
			for (const ImageResult& result: started.process(batch, cancel)) CPPUNIT_ASSERT_MESSAGE(result.message, result.succeeded);
		});
		CPPUNIT_ASSERT_EQUAL(std::size_t(16), eventLines(record.path()).size());
		return maxConcurrentRuns(record.path());
	}

	std::unique_ptr<FakeRegistry> _registry;
	std::unique_ptr<TempDir> _work;
	std::unique_ptr<TempDir> _record;
	std::unique_ptr<ScopedEnv> _http;
	std::unique_ptr<ScopedEnv> _recording;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SyftBackendTest, "Syft");
