//
// KubeClientCancelToken.h
//
// Cancels a running watch (or any streaming request) from another thread.
//

#ifndef SBOMOP_Kube_KubeClientCancelToken_INCLUDED
#define SBOMOP_Kube_KubeClientCancelToken_INCLUDED

#include "sbomop/Sbomop.h"
#include <functional>
#include <memory>
#include <mutex>

namespace sbomop {
namespace kube {

class SBOMOP_API KubeClientCancelToken
	/// One-shot cancellation flag shared between the thread running a request
	/// and the thread that wants to stop it. cancel() sets the flag and shuts
	/// the request's socket down, so a blocked read returns at once and the
	/// request ends normally. A cancelled token stays cancelled; use a fresh
	/// token for the next request. Thread-safe.
{
public:
	using Ptr = std::shared_ptr<KubeClientCancelToken>;
	using Abort = std::function<void()>;

	KubeClientCancelToken();
	~KubeClientCancelToken();

	void cancel();
		/// Sets the flag and runs the attached abort action, if any. Idempotent.

	bool isCancelled() const;

	bool attach(Abort abort);
		/// Used by the transport: registers how to abort the connection that
		/// is in use. Returns false (without registering) if already cancelled.
		/// The action runs at most once, under the token's lock.

	void detach();
		/// Used by the transport before it releases the connection; after
		/// detach() returns, the abort action will not run.

private:
	mutable std::mutex _mutex;
	bool _cancelled;
	Abort _abort;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientCancelToken_INCLUDED
