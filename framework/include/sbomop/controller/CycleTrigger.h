//
// CycleTrigger.h
//
// Coalesces requests for a cycle: any number of triggers while a cycle runs
// (or before the loop looks) become exactly one follow-up cycle; none is lost.
//

#ifndef SBOMOP_Controller_CycleTrigger_INCLUDED
#define SBOMOP_Controller_CycleTrigger_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include <condition_variable>
#include <mutex>
#include <string>

namespace sbomop {
namespace controller {

class SBOMOP_API CycleTrigger
	/// Thread-safe: any thread may fire(); one loop thread waits.
{
public:
	explicit CycleTrigger(StopToken& stop);
		/// A stop request wakes a waiting loop.
	~CycleTrigger();
	CycleTrigger(const CycleTrigger&) = delete;
	CycleTrigger& operator = (const CycleTrigger&) = delete;

	void fire(const std::string& reason);
		/// Requests a cycle. Cheap; callable from watch handlers.

	bool wait(long timeoutMilliseconds);
		/// Waits until a cycle is requested (returns true and consumes all
		/// requests made so far), the timeout passes or a stop is requested
		/// (returns false). A negative timeout waits without limit.

	std::size_t fired() const;
		/// Requests made so far (for tests and metrics).

	std::string lastReason() const;

private:
	StopToken& _stop;
	std::size_t _stopCallback;
	mutable std::mutex _mutex;
	std::condition_variable _cv;
	bool _pending = false;
	std::size_t _fired = 0;
	std::string _reason;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_CycleTrigger_INCLUDED
