//
// RequestCanceller.cpp
//

#include "sbomop/kube/RequestCanceller.h"

namespace sbomop {
namespace kube {

RequestCanceller::Ptr RequestCanceller::connect(StopToken& stop)
{
	Ptr canceller = std::make_shared<RequestCanceller>();
	// The callback holds a weak pointer: it may run while the canceller dies.
	std::weak_ptr<RequestCanceller> weak = canceller;
	canceller->_callback = stop.onStop([weak]()
	{
		if (Ptr live = weak.lock()) live->cancel();
	});
	canceller->_stop = &stop;
	return canceller;
}

RequestCanceller::RequestCanceller():
	_cancelled(false),
	_stop(nullptr),
	_callback(0)
{
}

RequestCanceller::~RequestCanceller()
{
	if (_stop) _stop->removeOnStop(_callback);
}

bool RequestCanceller::arm(const KubeClientCancelToken::Ptr& token)
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

void RequestCanceller::disarm()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_token.reset();
}

void RequestCanceller::cancel()
{
	KubeClientCancelToken::Ptr token;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_cancelled = true;
		token.swap(_token);
	}
	// Cancelling shuts a socket down: not under our lock.
	if (token) token->cancel();
}

bool RequestCanceller::cancelled() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _cancelled;
}

} } // namespace sbomop::kube
