//
// CancelRelay.cpp
//

#include "sbomop/jobimage/CancelRelay.h"
#include "sbomop/core/StopToken.h"

namespace sbomop {
namespace jobimage {

CancelRelay::Ptr CancelRelay::connect(StopToken& stop)
{
	// Not make_shared: the weak pointer left in the StopToken then keeps only
	// the control block alive, not the relay.
	Ptr relay(new CancelRelay);
	std::weak_ptr<CancelRelay> weak = relay;
	stop.onStop([weak]()
		{
			if (Ptr live = weak.lock()) live->cancel();
		});
	return relay;
}


CancelRelay::CancelRelay():
	_cancelled(false)
{
}


bool CancelRelay::arm(const kube::KubeClientCancelToken::Ptr& token)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_cancelled)
		{
			_token = token;
			return true;
		}
	}
	token->cancel();
	return false;
}


void CancelRelay::disarm()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_token.reset();
}


void CancelRelay::cancel()
{
	kube::KubeClientCancelToken::Ptr token;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_cancelled = true;
		token.swap(_token);
	}
	// Cancelling shuts a socket down: not under our lock.
	if (token) token->cancel();
}


bool CancelRelay::cancelled() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _cancelled;
}

} } // namespace sbomop::jobimage
