//
// WatchCanceller.cpp
//

#include "WatchCanceller.h"

namespace sbomop {
namespace runtime {

WatchCanceller::WatchCanceller():
	_cancelled(false)
{
}


bool WatchCanceller::arm(const kube::KubeClientCancelToken::Ptr& token)
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


void WatchCanceller::disarm()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_token.reset();
}


void WatchCanceller::cancel()
{
	kube::KubeClientCancelToken::Ptr token;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_cancelled = true;
		token.swap(_token);
	}
	// Cancelling shuts the watch's socket down; done outside our lock.
	if (token) token->cancel();
}

} } // namespace sbomop::runtime
