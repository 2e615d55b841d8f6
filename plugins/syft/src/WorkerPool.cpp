//
// WorkerPool.cpp
//

#include "sbomop/syft/WorkerPool.h"
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace sbomop {
namespace syft {

void WorkerPool::run(std::size_t count, std::size_t concurrency, const Job& job)
{
	std::atomic<std::size_t> next(0);
	std::exception_ptr firstError;
	std::mutex errorMutex;
	const auto work = [&]() {
		for (std::size_t index = next++; index < count; index = next++)
		{
			try
			{
				job(index);
			}
			catch (...)
			{
				std::lock_guard<std::mutex> lock(errorMutex);
				if (!firstError) firstError = std::current_exception();
			}
		}
	};
	const std::size_t threads = std::min(std::max<std::size_t>(concurrency, 1), count);
	if (threads <= 1)
	{
		work();
	}
	else
	{
		std::vector<std::thread> workers;
		workers.reserve(threads);
		for (std::size_t i = 0; i < threads; ++i)
		{
			try
			{
				workers.emplace_back(work);
			}
			catch (std::system_error&)
			{
				break;
			}
		}
		// Out of threads: the caller takes the missing worker's share.
		if (workers.size() < threads) work();
		for (std::thread& worker: workers) worker.join();
	}
	if (firstError) std::rethrow_exception(firstError);
}


} } // namespace sbomop::syft
