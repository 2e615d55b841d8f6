//
// OperatorInformerTest.cpp
//
// The long-running modes against kube-sim: informer mode reacts to pod and
// namespace changes, images processed earlier are only annotated on new pods,
// cron mode runs on its schedule, and watch faults lose no pod.
//

#include "OperatorHarness.h"
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>

using sbomop::testing::ChildProcess;
using sbomop::testing::ContainerSpec;
using sbomop::testing::OperatorHarness;

namespace {

ContainerSpec image(const std::string& name, char digest)
{
	const std::string repository = std::string("registry.example.com/team/app-") + digest;
	return { name, repository + ":1", repository + "@" + OperatorHarness::digest(digest), "container" };
}

std::string imageId(char digest)
{
	return std::string("registry.example.com/team/app-") + digest + "@" + OperatorHarness::digest(digest);
}

} // namespace

class OperatorInformerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OperatorInformerTest);
	CPPUNIT_TEST(testReactsToNewPodsAndReusesProcessedImages);
	CPPUNIT_TEST(testNamespaceLabelChangesTakeEffectLive);
	CPPUNIT_TEST(testFailedImagesAreRetriedWithoutPodChanges);
	CPPUNIT_TEST(testWatchDropsAndExpiryLoseNoPod);
	CPPUNIT_TEST(testPodDeletedMidCycle);
	CPPUNIT_TEST(testCronModeRunsOnSchedule);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReactsToNewPodsAndReusesProcessedImages()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		h.addPod("apps", "one", { image("c", 'a') });
		auto op = h.start({});
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("apps", "one", "c") == imageId('a'); }, 20000));
		CPPUNIT_ASSERT(op->waitForOutput("synced", 1000));
		CPPUNIT_ASSERT_EQUAL(200, OperatorHarness::readyzStatus(*op));

		// A new pod with the same image: annotated without a backend call.
		h.addPod("apps", "two", { image("c", 'a') });
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("apps", "two", "c") == imageId('a'); }, 20000));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backendImages());

		// A new image: one more backend call.
		h.addPod("apps", "three", { image("c", 'b') });
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("apps", "three", "c") == imageId('b'); }, 20000));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.backendImages());

		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(10000));
	}

	void testNamespaceLabelChangesTakeEffectLive()
	{
		OperatorHarness h;
		h.addNamespace("team", { { "sbom", "off" } });
		h.addPod("team", "p", { image("c", 'c') });
		auto op = h.start({ "--namespace-label-selector=sbom=on" });
		CPPUNIT_ASSERT(op->waitForOutput("synced", 20000));
		CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation("team", "p", "c"));
		h.addNamespace("team", { { "sbom", "on" } });
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("team", "p", "c") == imageId('c'); }, 20000));
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(10000));
	}

	void testFailedImagesAreRetriedWithoutPodChanges()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		h.addPod("apps", "p", { image("c", 'd') });
		auto op = h.start({ "--scripted-fail=*app-d*" });
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.backendImages() >= 1; }, 20000));
		CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation("apps", "p", "c"));
		CPPUNIT_ASSERT(op->waitForOutput("retrying failed images", 5000));
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(10000));
	}

	void testWatchDropsAndExpiryLoseNoPod()
	{
		OperatorHarness h;
		h.addNamespace("busy");
		auto op = h.start({});
		CPPUNIT_ASSERT(op->waitForOutput("synced", 20000));
		h.sim().faults().setCloseWatchesAfter(2);
		for (int i = 0; i < 10; ++i) h.addPod("busy", "p" + std::to_string(i), { image("c", static_cast<char>('a' + (i % 3))) });
		h.sim().faults().setCloseWatchesAfter(0);
		h.sim().faults().expireNextWatches(1);
		for (int i = 10; i < 15; ++i) h.addPod("busy", "p" + std::to_string(i), { image("c", 'e') });
		for (int i = 0; i < 15; ++i)
		{
			const std::string pod = "p" + std::to_string(i);
			const std::string expected = imageId(i < 10 ? static_cast<char>('a' + (i % 3)) : 'e');
			CPPUNIT_ASSERT_MESSAGE(pod + "\n" + op->err(), h.waitFor([&] { return h.annotation("busy", pod, "c") == expected; }, 30000));
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), h.backendImages());
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(10000));
	}

	void testPodDeletedMidCycle()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		h.addPod("apps", "stays", { image("c", 'f') });
		h.addPod("apps", "goes", { image("c", 'f') });
		auto op = h.start({ "--scripted-delay-ms=1500" });
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.backendImages() >= 1; }, 20000));
		h.client().remove(sbomop::kube::ResourceType::PODS, "apps", "goes");
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("apps", "stays", "c") == imageId('f'); }, 20000));
		CPPUNIT_ASSERT(op->waitForOutput("pod apps/goes is gone", 5000));
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(10000));
	}

	void testCronModeRunsOnSchedule()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		auto op = h.start({ "--cron=@every 1s" });
		CPPUNIT_ASSERT(op->waitForOutput("next cycle at", 20000));
		h.addPod("apps", "late", { image("c", '9') });
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("apps", "late", "c") == imageId('9'); }, 20000));
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(10000));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OperatorInformerTest, "Operator");
