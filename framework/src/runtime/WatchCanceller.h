//
// WatchCanceller.h
//
// Hands the cancel token of the running watch to the thread that requests a
// stop, so that a blocked watch ends at once.
//

#ifndef SBOMOP_Runtime_WatchCanceller_INCLUDED
#define SBOMOP_Runtime_WatchCanceller_INCLUDED

#include "sbomop/kube/KubeClientCancelToken.h"
#include <mutex>

namespace sbomop {
namespace runtime {

class WatchCanceller
	/// Holds at most one armed token. Once cancel() was called every token
	/// armed later is cancelled at once. Thread-safe; shared (by shared_ptr)
	/// with the StopToken callback so that it outlives the reflector if the
	/// StopToken does.
{
public:
	WatchCanceller();

	bool arm(const kube::KubeClientCancelToken::Ptr& token);
		/// Makes `token` the one cancel() will cancel. Returns false, and
		/// cancels `token`, when cancel() was already called.

	void disarm();
		/// Forgets the armed token (its watch has ended).

	void cancel();
		/// Cancels the armed token and every later one. Idempotent.

private:
	std::mutex _mutex;
	kube::KubeClientCancelToken::Ptr _token;
	bool _cancelled;
};

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_WatchCanceller_INCLUDED
