//
// TargetSetTest.cpp
//

#include "RecordingTarget.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/logging/SecretRedactor.h"
#include "sbomop/targets/TargetSet.h"
#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <thread>

using namespace sbomop::testing;
using sbomop::logging::SecretRedactor;
using sbomop::plugin::ImageResult;
using sbomop::plugin::ImageTask;
using sbomop::plugin::StoredImage;
using sbomop::targets::SbomFormat;
using sbomop::targets::TargetSet;

namespace
{
	ImageTask image(const std::string& id)
	{
		ImageTask task;
		task.imageId = id;
		task.pullReference = "mirror.example/" + id;
		return task;
	}

	RecordingTarget* addTarget(TargetSet& set, const std::string& name, const RecordingTarget::Script& script = {})
	{
		RecordingTarget* target = new RecordingTarget(name, script);
		set.add(std::unique_ptr<sbomop::targets::Target>(target));
		return target;
	}
}


class TargetSetTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(TargetSetTest);
	CPPUNIT_TEST(testWithoutTargetsNothingCountsAsStored);
	CPPUNIT_TEST(testCreateKeepsTheNamesWithoutImplementation);
	CPPUNIT_TEST(testStoredOnlyWhenEveryTargetStoredIt);
	CPPUNIT_TEST(testThrowingTargetFailsTheImageWithMaskedReason);
	CPPUNIT_TEST(testCallsIntoOneTargetAreSerialised);
	CPPUNIT_TEST(testStoredImagesAreMergedByImage);
	CPPUNIT_TEST(testStoredImagesNeverAnswersPartially);
	CPPUNIT_TEST(testRemoveSucceedsWhenEveryTargetRemoved);
	CPPUNIT_TEST(testValidatesEveryTarget);
	CPPUNIT_TEST(testDeferredImageWaitsForFinishBatch);
	CPPUNIT_TEST(testDeferredImageFailsWhenFinishBatchFailsIt);
	CPPUNIT_TEST(testDeferredImageWithoutResultFails);
	CPPUNIT_TEST(testThrowingFinishBatchFailsEveryDeferredImage);
	CPPUNIT_TEST(testImmediateFailureOutlivesDeferredSuccess);
	CPPUNIT_TEST_SUITE_END();

public:
	void testWithoutTargetsNothingCountsAsStored()
	{
		TargetSet set;
		CPPUNIT_ASSERT(set.empty());
		const ImageResult result = set.store(image("docker.io/library/nginx@sha256:1"), std::string(1234, 'x'), SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!result.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx@sha256:1"), result.imageId);
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM generated (1234 bytes) but no storage target is implemented in this build"), result.message);
	}

	void testCreateKeepsTheNamesWithoutImplementation()
	{
		std::vector<std::string> unavailable;
		TargetSet set = TargetSet::create({ "git", "dtrack", "oci" }, [](const std::string& name) {
			return name == "dtrack" ? std::unique_ptr<sbomop::targets::Target>(new RecordingTarget(name, {})) : nullptr;
		}, unavailable);
		CPPUNIT_ASSERT(std::vector<std::string>{ "dtrack" } == set.names());
		CPPUNIT_ASSERT((std::vector<std::string>{ "git", "oci" }) == unavailable);
		CPPUNIT_ASSERT_THROW(set.add(nullptr), Poco::InvalidArgumentException);
	}

	void testStoredOnlyWhenEveryTargetStoredIt()
	{
		TargetSet set;
		RecordingTarget* git = addTarget(set, "git");
		RecordingTarget::Script refusing;
		refusing.storeOk = false;
		refusing.storeMessage = "project is locked";
		RecordingTarget* dtrack = addTarget(set, "dtrack", refusing);
		const ImageResult failed = set.store(image("a"), "{}", SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT(!failed.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("dtrack: project is locked"), failed.message);
		CPPUNIT_ASSERT_EQUAL(std::string("{}"), git->log().documents["a"]);
		CPPUNIT_ASSERT_EQUAL(std::string("{}"), dtrack->log().documents["a"]);
		CPPUNIT_ASSERT_EQUAL(std::string("cyclonedx-json"), git->log().formats.at(0));

		TargetSet good;
		addTarget(good, "git");
		addTarget(good, "configmap");
		const ImageResult stored = good.store(image("b"), "{}", SbomFormat::forName("json"));
		CPPUNIT_ASSERT(stored.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string(""), stored.message);
	}

	void testThrowingTargetFailsTheImageWithMaskedReason()
	{
		SecretRedactor::instance().add("oci-token-value");
		TargetSet set;
		RecordingTarget::Script throwing;
		throwing.storeThrows = true;
		throwing.storeError = "push with token oci-token-value refused";
		addTarget(set, "oci", throwing);
		RecordingTarget::Script refusing;
		refusing.storeOk = false;
		addTarget(set, "git", refusing);
		const ImageResult result = set.store(image("a"), "{}", SbomFormat::forName("json"));
		SecretRedactor::instance().remove("oci-token-value");
		CPPUNIT_ASSERT(!result.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("oci: I/O error: push with token *** refused; git: not stored"), result.message);
	}

	void testCallsIntoOneTargetAreSerialised()
	{
		TargetSet set;
		RecordingTarget::Script slow;
		slow.storeDelayMs = 20;
		RecordingTarget* target = addTarget(set, "git", slow);
		std::vector<std::thread> threads;
		for (std::size_t index = 0; index < 8; ++index)
		{
			threads.emplace_back([&set, index] { set.store(image("img-" + std::to_string(index)), "{}", SbomFormat::forName("json")); });
		}
		for (auto& thread: threads) thread.join();
		CPPUNIT_ASSERT_EQUAL(std::size_t(8), target->log().documents.size());
		CPPUNIT_ASSERT_EQUAL(1, target->log().maxInStore.load());
	}

	void testStoredImagesAreMergedByImage()
	{
		TargetSet set;
		RecordingTarget::Script git;
		git.stored = { { "a", "git:a" }, { "b", "git:b" } };
		RecordingTarget::Script dtrack;
		dtrack.stored = { { "b", "dtrack:b" }, { "c", "" } };
		addTarget(set, "git", git);
		addTarget(set, "dtrack", dtrack);
		const std::vector<StoredImage> stored = set.storedImages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), stored.size());
		CPPUNIT_ASSERT_EQUAL(std::string("a"), stored[0].imageId);
		CPPUNIT_ASSERT_EQUAL(std::string("git:b, dtrack:b"), stored[1].location);
		CPPUNIT_ASSERT_EQUAL(std::string("c"), stored[2].imageId);
	}

	void testStoredImagesNeverAnswersPartially()
	{
		TargetSet set;
		RecordingTarget::Script git;
		git.stored = { { "a", "git:a" } };
		RecordingTarget::Script broken;
		broken.listThrows = true;
		addTarget(set, "git", git);
		addTarget(set, "dtrack", broken);
		CPPUNIT_ASSERT_THROW(set.storedImages(), Poco::IOException);
	}

	void testRemoveSucceedsWhenEveryTargetRemoved()
	{
		TargetSet set;
		RecordingTarget::Script git;
		git.failRemoval = { "b" };
		RecordingTarget::Script dtrack;
		dtrack.deactivates = true;
		RecordingTarget* gitTarget = addTarget(set, "git", git);
		RecordingTarget* dtrackTarget = addTarget(set, "dtrack", dtrack);
		const std::vector<ImageResult> results = set.remove({ "a", "b" });
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), results.size());
		CPPUNIT_ASSERT(results[0].succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("a"), results[0].imageId);
		CPPUNIT_ASSERT(!results[1].succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("git: cannot delete b"), results[1].message);
		CPPUNIT_ASSERT((std::vector<std::string>{ "remove a", "remove b" }) == gitTarget->log().calls);
		CPPUNIT_ASSERT((std::vector<std::string>{ "deactivate a", "deactivate b" }) == dtrackTarget->log().calls);
	}

	void testValidatesEveryTarget()
	{
		TargetSet set;
		addTarget(set, "git");
		addTarget(set, "dtrack");
		Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
		set.validate(*config);
		config->setString("dtrack-fail-validation", "true");
		CPPUNIT_ASSERT_THROW(set.validate(*config), sbomop::config::ConfigException);
	}

	// Stores one image per id in `set` as one batch and finishes it.
	static std::vector<ImageResult> storeBatch(TargetSet& set, const std::vector<std::string>& ids)
	{
		set.beginBatch("c1");
		std::vector<ImageResult> results;
		for (const std::string& id: ids) results.push_back(set.store(image(id), "{}", SbomFormat::forName("json")));
		set.finishBatch(results);
		return results;
	}

	void testDeferredImageWaitsForFinishBatch()
	{
		TargetSet set;
		RecordingTarget::Script deferring;
		deferring.defers = true;
		RecordingTarget* git = addTarget(set, "git", deferring);
		addTarget(set, "oci");
		set.beginBatch("c1");
		std::vector<ImageResult> results{ set.store(image("a"), "{}", SbomFormat::forName("json")) };
		CPPUNIT_ASSERT(!results[0].succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("waiting for git"), results[0].message);
		CPPUNIT_ASSERT(set.deferred("a"));
		set.finishBatch(results);
		CPPUNIT_ASSERT(results[0].succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string(""), results[0].message);
		CPPUNIT_ASSERT(!set.deferred("a"));
		CPPUNIT_ASSERT((std::vector<std::string>{ "begin c1", "store a", "finish" }) == git->log().calls);
	}

	void testDeferredImageFailsWhenFinishBatchFailsIt()
	{
		TargetSet set;
		RecordingTarget::Script deferring;
		deferring.defers = true;
		deferring.failInFinish = { "b" };
		addTarget(set, "git", deferring);
		const std::vector<ImageResult> results = storeBatch(set, { "a", "b" });
		CPPUNIT_ASSERT(results[0].succeeded);
		CPPUNIT_ASSERT(!results[1].succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("git: commit of b failed"), results[1].message);
	}

	void testDeferredImageWithoutResultFails()
	{
		TargetSet set;
		RecordingTarget::Script deferring;
		deferring.defers = true;
		deferring.omitInFinish = { "a" };
		addTarget(set, "git", deferring);
		const std::vector<ImageResult> results = storeBatch(set, { "a" });
		CPPUNIT_ASSERT(!results[0].succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("git: no result for the batch"), results[0].message);
	}

	void testThrowingFinishBatchFailsEveryDeferredImage()
	{
		TargetSet set;
		RecordingTarget::Script deferring;
		deferring.defers = true;
		deferring.finishThrows = true;
		addTarget(set, "git", deferring);
		const std::vector<ImageResult> results = storeBatch(set, { "a", "b" });
		for (const ImageResult& result: results)
		{
			CPPUNIT_ASSERT(!result.succeeded);
			CPPUNIT_ASSERT_EQUAL(std::string("git: I/O error: git push rejected"), result.message);
		}
	}

	void testImmediateFailureOutlivesDeferredSuccess()
	{
		TargetSet set;
		RecordingTarget::Script deferring;
		deferring.defers = true;
		addTarget(set, "git", deferring);
		RecordingTarget::Script refusing;
		refusing.storeOk = false;
		refusing.storeMessage = "registry down";
		addTarget(set, "oci", refusing);
		const std::vector<ImageResult> results = storeBatch(set, { "a" });
		CPPUNIT_ASSERT(!results[0].succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("oci: registry down"), results[0].message);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TargetSetTest, "Targets");
