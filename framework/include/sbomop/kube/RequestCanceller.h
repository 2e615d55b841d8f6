//
// RequestCanceller.h
//
// Connects a StopToken to the Kubernetes request in flight: when a stop is
// requested, the armed request's cancel token is cancelled, so a blocked watch
// or read ends at once instead of at its timeout.
//

#ifndef SBOMOP_Kube_RequestCanceller_INCLUDED
#define SBOMOP_Kube_RequestCanceller_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/kube/KubeClientCancelToken.h"
#include <memory>
#include <mutex>

namespace sbomop {
namespace kube {

class SBOMOP_API RequestCanceller
	/// Holds at most one armed token. Once cancel() was called, every token
	/// armed later is cancelled at once. Thread-safe.
{
public:
	using Ptr = std::shared_ptr<RequestCanceller>;

	static Ptr connect(StopToken& stop);
		/// A canceller that `stop` cancels (at once if it is already stopped).
		/// The registration ends with the canceller.

	RequestCanceller();
	~RequestCanceller();
	RequestCanceller(const RequestCanceller&) = delete;
	RequestCanceller& operator = (const RequestCanceller&) = delete;

	bool arm(const KubeClientCancelToken::Ptr& token);
		/// Makes `token` the one cancel() cancels. Returns false, and cancels
		/// `token`, when cancel() was already called.

	void disarm();
		/// Forgets the armed token (its request has ended).

	void cancel();
		/// Cancels the armed token and every later one. Idempotent.

	bool cancelled() const;

private:
	mutable std::mutex _mutex;
	KubeClientCancelToken::Ptr _token;
	bool _cancelled;
	StopToken* _stop;
	std::size_t _callback;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_RequestCanceller_INCLUDED
