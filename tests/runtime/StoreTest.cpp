//
// StoreTest.cpp
//

#include "sbomop/core/StopToken.h"
#include "sbomop/runtime/ObjectTraits.h"
#include "sbomop/runtime/Store.h"
#include <Poco/Exception.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <thread>

using namespace sbomop;
using namespace sbomop::runtime;
using sbomop::kube::NamespaceInfo;
using sbomop::kube::PodInfo;

namespace {

std::shared_ptr<const PodInfo> pod(const std::string& ns, const std::string& name, const std::string& resourceVersion,
	const std::string& uid = "uid-1", const std::string& phase = "Running")
{
	auto result = std::make_shared<PodInfo>();
	result->namespaceName = ns;
	result->name = name;
	result->resourceVersion = resourceVersion;
	result->uid = uid;
	result->phase = phase;
	return result;
}

PodStore::ObjectMap mapOf(const std::vector<std::shared_ptr<const PodInfo>>& pods)
{
	PodStore::ObjectMap result;
	for (const auto& p: pods) result[ObjectTraits<PodInfo>::key(*p)] = p;
	return result;
}

std::string describe(const PodStore::Changes& changes)
{
	std::string result;
	for (const auto& change: changes)
	{
		const auto& object = change.type == ChangeType::Deleted ? change.oldObject : change.newObject;
		if (!result.empty()) result += ",";
		result += std::string(changeTypeName(change.type)) + " " + ObjectTraits<PodInfo>::key(*object) + "@" + object->resourceVersion;
	}
	return result;
}

} // namespace


class StoreTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(StoreTest);
	CPPUNIT_TEST(testStartsEmptyAndNotSynced);
	CPPUNIT_TEST(testReplaceReportsAddedObjectsAndMarkSyncedSetsTheFlag);
	CPPUNIT_TEST(testReplaceReportsExactlyTheDifferences);
	CPPUNIT_TEST(testReplaceKeepsTheOldPointerOfAnUnchangedObject);
	CPPUNIT_TEST(testReplaceReportsARecreatedObjectAsDeleteAndAdd);
	CPPUNIT_TEST(testSnapshotStaysValidAfterReplace);
	CPPUNIT_TEST(testListIsInKeyOrder);
	CPPUNIT_TEST(testUpsertAddsThenUpdates);
	CPPUNIT_TEST(testUpsertOfAnEqualObjectChangesNothing);
	CPPUNIT_TEST(testUpsertRejectsNullAndNamelessObjects);
	CPPUNIT_TEST(testRemoveReportsTheFinalState);
	CPPUNIT_TEST(testRemoveOfAnUnknownKeyChangesNothing);
	CPPUNIT_TEST(testNamespacesAreKeyedByName);
	CPPUNIT_TEST(testWaitForSyncReturnsOnceSynced);
	CPPUNIT_TEST(testWaitForSyncReturnsFalseWhenStopped);
	CPPUNIT_TEST(testWaitForSyncReturnsFalseAfterTimeout);
	CPPUNIT_TEST(testReadersSeeWholeListsOnly);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStartsEmptyAndNotSynced()
	{
		PodStore store;
		CPPUNIT_ASSERT(!store.synced());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.size());
		CPPUNIT_ASSERT(!store.get("default/a"));
	}

	void testReplaceReportsAddedObjectsAndMarkSyncedSetsTheFlag()
	{
		PodStore store;
		const auto changes = store.replace(mapOf({pod("default", "b", "2"), pod("default", "a", "1")}));
		CPPUNIT_ASSERT_EQUAL(std::string("added default/a@1,added default/b@2"), describe(changes));
		CPPUNIT_ASSERT(!store.synced());
		store.markSynced();
		CPPUNIT_ASSERT(store.synced());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), store.size());
		CPPUNIT_ASSERT_EQUAL(std::string("2"), store.get("default/b")->resourceVersion);
	}

	void testReplaceReportsExactlyTheDifferences()
	{
		PodStore store;
		store.replace(mapOf({pod("default", "a", "1"), pod("default", "b", "2"), pod("default", "c", "3")}));
		const auto changes = store.replace(mapOf({pod("default", "a", "1"), pod("default", "c", "7"), pod("default", "d", "8")}));
		CPPUNIT_ASSERT_EQUAL(std::string("deleted default/b@2,updated default/c@7,added default/d@8"), describe(changes));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), changes[1].oldObject->resourceVersion);
		CPPUNIT_ASSERT(!store.get("default/b"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), store.size());
	}

	void testReplaceKeepsTheOldPointerOfAnUnchangedObject()
	{
		PodStore store;
		store.replace(mapOf({pod("default", "a", "1")}));
		const auto before = store.get("default/a");
		const auto changes = store.replace(mapOf({pod("default", "a", "1")}));
		CPPUNIT_ASSERT(changes.empty());
		CPPUNIT_ASSERT(before.get() == store.get("default/a").get());
	}

	void testReplaceReportsARecreatedObjectAsDeleteAndAdd()
	{
		PodStore store;
		store.replace(mapOf({pod("default", "a", "1", "uid-old")}));
		const auto changes = store.replace(mapOf({pod("default", "a", "5", "uid-new")}));
		CPPUNIT_ASSERT_EQUAL(std::string("deleted default/a@1,added default/a@5"), describe(changes));
		CPPUNIT_ASSERT_EQUAL(std::string("uid-new"), store.get("default/a")->uid);
	}

	void testSnapshotStaysValidAfterReplace()
	{
		PodStore store;
		store.replace(mapOf({pod("default", "a", "1"), pod("default", "b", "2")}));
		const auto snapshot = store.list();
		store.replace(mapOf({pod("other", "z", "9")}));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), snapshot.size());
		CPPUNIT_ASSERT_EQUAL(std::string("a"), snapshot[0]->name);
		CPPUNIT_ASSERT_EQUAL(std::string("b"), snapshot[1]->name);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), store.size());
	}

	void testListIsInKeyOrder()
	{
		PodStore store;
		store.replace(mapOf({pod("b", "x", "1"), pod("a", "y", "2"), pod("a", "x", "3")}));
		const std::vector<std::string> expected = {"a/x", "a/y", "b/x"};
		CPPUNIT_ASSERT(expected == store.keys());
		CPPUNIT_ASSERT_EQUAL(std::string("3"), store.list().front()->resourceVersion);
	}

	void testUpsertAddsThenUpdates()
	{
		PodStore store;
		CPPUNIT_ASSERT_EQUAL(std::string("added default/a@1"), describe(store.upsert(pod("default", "a", "1"))));
		const auto changes = store.upsert(pod("default", "a", "2", "uid-1", "Succeeded"));
		CPPUNIT_ASSERT_EQUAL(std::string("updated default/a@2"), describe(changes));
		CPPUNIT_ASSERT_EQUAL(std::string("Running"), changes[0].oldObject->phase);
		CPPUNIT_ASSERT_EQUAL(std::string("Succeeded"), store.get("default/a")->phase);
		CPPUNIT_ASSERT(!store.synced());
	}

	void testUpsertOfAnEqualObjectChangesNothing()
	{
		PodStore store;
		store.upsert(pod("default", "a", "1"));
		CPPUNIT_ASSERT(store.upsert(pod("default", "a", "1")).empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), store.size());
	}

	void testUpsertRejectsNullAndNamelessObjects()
	{
		PodStore store;
		CPPUNIT_ASSERT_THROW(store.upsert(nullptr), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.upsert(pod("", "", "1")), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.size());
	}

	void testRemoveReportsTheFinalState()
	{
		PodStore store;
		store.upsert(pod("default", "a", "1"));
		const auto changes = store.remove(pod("default", "a", "4", "uid-1", "Failed"));
		CPPUNIT_ASSERT_EQUAL(std::string("deleted default/a@4"), describe(changes));
		CPPUNIT_ASSERT_EQUAL(std::string("Failed"), changes[0].oldObject->phase);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.size());
	}

	void testRemoveOfAnUnknownKeyChangesNothing()
	{
		PodStore store;
		store.upsert(pod("default", "a", "1"));
		CPPUNIT_ASSERT(store.remove(pod("default", "b", "2")).empty());
		CPPUNIT_ASSERT_THROW(store.remove(nullptr), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), store.size());
	}

	void testNamespacesAreKeyedByName()
	{
		NamespaceStore store;
		auto ns = std::make_shared<NamespaceInfo>();
		ns->name = "team-a";
		ns->resourceVersion = "3";
		ns->labels["team"] = "a";
		store.upsert(ns);
		CPPUNIT_ASSERT_EQUAL(std::string("a"), store.get("team-a")->labels.at("team"));
		CPPUNIT_ASSERT_EQUAL(std::string("pods"), ObjectTraits<PodInfo>::resourceType().plural());
		CPPUNIT_ASSERT_EQUAL(std::string("namespaces"), ObjectTraits<NamespaceInfo>::resourceType().plural());
	}

	void testWaitForSyncReturnsOnceSynced()
	{
		PodStore store;
		StopToken stop;
		std::thread writer([&store]()
		{
			Poco::Thread::sleep(20);
			store.replace(PodStore::ObjectMap());
			store.markSynced();
		});
		const bool synced = store.waitForSync(stop);
		writer.join();
		CPPUNIT_ASSERT(synced);
		CPPUNIT_ASSERT(store.waitForSync(stop, 0));
	}

	void testWaitForSyncReturnsFalseWhenStopped()
	{
		PodStore store;
		StopToken stop;
		std::thread stopper([&stop]()
		{
			Poco::Thread::sleep(20);
			stop.requestStop();
		});
		const bool synced = store.waitForSync(stop);
		stopper.join();
		CPPUNIT_ASSERT(!synced);
	}

	void testWaitForSyncReturnsFalseAfterTimeout()
	{
		PodStore store;
		StopToken stop;
		CPPUNIT_ASSERT(!store.waitForSync(stop, 30));
		CPPUNIT_ASSERT(!store.waitForSync(stop, 0));
	}

	void testReadersSeeWholeListsOnly()
	{
		// Two alternating lists of 200 pods each: a reader must always see
		// one of them completely, never a mixture or a partial list.
		PodStore store;
		PodStore::ObjectMap first;
		PodStore::ObjectMap second;
		for (int i = 0; i < 200; ++i)
		{
			auto a = pod("ns", "pod-" + std::to_string(i), "1");
			auto b = pod("ns", "pod-" + std::to_string(i), "2");
			first[ObjectTraits<PodInfo>::key(*a)] = a;
			second[ObjectTraits<PodInfo>::key(*b)] = b;
		}
		store.replace(first);
		std::atomic<bool> done(false);
		std::atomic<int> torn(0);
		std::thread reader([&]()
		{
			while (!done)
			{
				const auto snapshot = store.list();
				if (snapshot.size() != 200) ++torn;
				for (const auto& p: snapshot)
				{
					if (p->resourceVersion != snapshot.front()->resourceVersion) { ++torn; break; }
				}
			}
		});
		for (int round = 0; round < 200; ++round) store.replace(round % 2 ? first : second);
		done = true;
		reader.join();
		CPPUNIT_ASSERT_EQUAL(0, torn.load());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(StoreTest, "Runtime");
