//
// WorkerPoolTest.cpp
//

#include "sbomop/syft/WorkerPool.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using sbomop::syft::WorkerPool;

namespace
{
	// Counts jobs running at the same time. Each job waits (bounded) until
	// `expected` jobs have started, so that a pool of that size is seen full.
	class Overlap
	{
	public:
		explicit Overlap(std::size_t expected): _expected(expected) {}

		void run()
		{
			std::unique_lock<std::mutex> lock(_mutex);
			++_running;
			++_started;
			_maximum = std::max(_maximum, _running);
			_changed.notify_all();
			_changed.wait_for(lock, std::chrono::seconds(5), [this] { return _started >= _expected; });
			--_running;
		}

		std::size_t maximum() const
		{
			return _maximum;
		}

	private:
		std::size_t _expected;
		std::size_t _running = 0;
		std::size_t _started = 0;
		std::size_t _maximum = 0;
		std::mutex _mutex;
		std::condition_variable _changed;
	};
}


class WorkerPoolTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(WorkerPoolTest);
	CPPUNIT_TEST(testRunsEveryIndexExactlyOnce);
	CPPUNIT_TEST(testNeverRunsMoreThanTheConcurrency);
	CPPUNIT_TEST(testConcurrencyOneRunsOnTheCallingThread);
	CPPUNIT_TEST(testRethrowsTheFirstErrorAfterAllJobsRan);
	CPPUNIT_TEST(testNoJobsIsANoOp);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRunsEveryIndexExactlyOnce()
	{
		std::vector<std::atomic<int>> calls(50);
		WorkerPool::run(calls.size(), 7, [&](std::size_t index) { ++calls.at(index); });
		for (const auto& count: calls) CPPUNIT_ASSERT_EQUAL(1, count.load());
	}

	void testNeverRunsMoreThanTheConcurrency()
	{
		Overlap four(4);
		WorkerPool::run(8, 4, [&](std::size_t) { four.run(); });
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), four.maximum());
		Overlap capped(3);
		WorkerPool::run(3, 64, [&](std::size_t) { capped.run(); });
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), capped.maximum());
	}

	void testConcurrencyOneRunsOnTheCallingThread()
	{
		std::set<std::thread::id> threads;
		Overlap one(1);
		WorkerPool::run(5, 1, [&](std::size_t) {
			threads.insert(std::this_thread::get_id());
			one.run();
		});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), one.maximum());
		CPPUNIT_ASSERT(threads == std::set<std::thread::id>{ std::this_thread::get_id() });
		Overlap zero(1);
		WorkerPool::run(3, 0, [&](std::size_t) { zero.run(); });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), zero.maximum());
	}

	void testRethrowsTheFirstErrorAfterAllJobsRan()
	{
		std::atomic<int> ran(0);
		CPPUNIT_ASSERT_THROW(WorkerPool::run(10, 3, [&](std::size_t index) {
			++ran;
			if (index % 4 == 1) throw Poco::IOException("job failed");
		}), Poco::IOException);
		CPPUNIT_ASSERT_EQUAL(10, ran.load());
	}

	void testNoJobsIsANoOp()
	{
		bool called = false;
		WorkerPool::run(0, 4, [&](std::size_t) { called = true; });
		CPPUNIT_ASSERT(!called);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WorkerPoolTest, "Syft");
