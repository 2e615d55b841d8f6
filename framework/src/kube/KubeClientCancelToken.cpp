//
// KubeClientCancelToken.cpp
//

#include "sbomop/kube/KubeClientCancelToken.h"

namespace sbomop {
namespace kube {

KubeClientCancelToken::KubeClientCancelToken():
	_cancelled(false)
{
}

KubeClientCancelToken::~KubeClientCancelToken() = default;

void KubeClientCancelToken::cancel()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_cancelled) return;
	_cancelled = true;
	// Running the action under the lock keeps detach() from returning while
	// the connection is being shut down.
	if (_abort)
	{
		Abort abort;
		abort.swap(_abort);
		abort();
	}
}

bool KubeClientCancelToken::isCancelled() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _cancelled;
}

bool KubeClientCancelToken::attach(Abort abort)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_cancelled) return false;
	_abort = std::move(abort);
	return true;
}

void KubeClientCancelToken::detach()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_abort = nullptr;
}

} } // namespace sbomop::kube
