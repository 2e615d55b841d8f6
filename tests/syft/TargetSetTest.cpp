//
// TargetSetTest.cpp
//

#include "RecordingTarget.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/logging/SecretRedactor.h"
#include "sbomop/syft/TargetSet.h"
#include "sbomop/syft/WorkerPool.h"
#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::testing;
using sbomop::logging::SecretRedactor;
using sbomop::plugin::ImageResult;
using sbomop::plugin::ImageTask;
using sbomop::plugin::StoredImage;
using sbomop::syft::SbomFormat;
using sbomop::syft::TargetSet;

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
		set.add(std::unique_ptr<sbomop::syft::Target>(target));
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
			return name == "dtrack" ? std::unique_ptr<sbomop::syft::Target>(new RecordingTarget(name, {})) : nullptr;
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
		sbomop::syft::WorkerPool::run(8, 8, [&](std::size_t index) {
			set.store(image("img-" + std::to_string(index)), "{}", SbomFormat::forName("json"));
		});
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
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TargetSetTest, "Syft");
