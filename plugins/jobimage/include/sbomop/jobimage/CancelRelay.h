//
// CancelRelay.h
//
// Forwards a stop request (StopToken) to the watch request that is running
// at that moment, so that a blocked watch ends at once.
//

#ifndef SBOMOP_JobImage_CancelRelay_INCLUDED
#define SBOMOP_JobImage_CancelRelay_INCLUDED

#include "sbomop/kube/KubeClientCancelToken.h"
#include <memory>
#include <mutex>

namespace sbomop {

class StopToken;

namespace jobimage {

class CancelRelay
	/// Holds the cancel token of the current request. Once cancel() was
	/// called, every later token is cancelled as soon as it is armed.
	/// Thread-safe.
	///
	/// StopToken callbacks cannot be unregistered, so the callback that
	/// connect() registers holds only a weak pointer: a relay that is gone
	/// costs the StopToken one empty callback.
{
public:
	using Ptr = std::shared_ptr<CancelRelay>;

	static Ptr connect(StopToken& stop);
		/// A new relay that `stop` cancels (at once if it already is stopped).

	CancelRelay();

	bool arm(const kube::KubeClientCancelToken::Ptr& token);
		/// Makes `token` the one to cancel. Returns false, and cancels
		/// `token`, when the relay is already cancelled.

	void disarm();
		/// Forgets the armed token (its request has ended).

	void cancel();
		/// Cancels the armed token and every later one. Idempotent.

	bool cancelled() const;

private:
	mutable std::mutex _mutex;
	kube::KubeClientCancelToken::Ptr _token;
	bool _cancelled;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_CancelRelay_INCLUDED
