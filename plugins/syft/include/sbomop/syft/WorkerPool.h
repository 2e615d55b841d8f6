//
// WorkerPool.h
//
// Runs a numbered set of jobs on a bounded number of threads.
//

#ifndef SBOMOP_Syft_WorkerPool_INCLUDED
#define SBOMOP_Syft_WorkerPool_INCLUDED

#include <cstddef>
#include <functional>

namespace sbomop {
namespace syft {

class WorkerPool
	/// Static helper; thread-safe.
{
public:
	using Job = std::function<void(std::size_t index)>;

	static void run(std::size_t count, std::size_t concurrency, const Job& job);
		/// Calls job(0) ... job(count - 1), at most `concurrency` (at least
		/// one) at a time, on min(concurrency, count) threads started for
		/// this call; each thread takes the next index when it is done with
		/// one. Returns when every call has returned and every thread is
		/// joined. When jobs throw, the remaining jobs still run and the
		/// first exception is rethrown afterwards. With count 1 or
		/// concurrency 1 the jobs run on the calling thread.

private:
	WorkerPool();
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_WorkerPool_INCLUDED
