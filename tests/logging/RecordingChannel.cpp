//
// RecordingChannel.cpp
//

#include "RecordingChannel.h"

namespace sbomop {
namespace logging {


void RecordingChannel::log(const Poco::Message& msg)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_messages.push_back(msg);
	_pLast = &msg;
}


std::vector<Poco::Message> RecordingChannel::messages() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _messages;
}


const Poco::Message* RecordingChannel::lastAddress() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _pLast;
}


} } // namespace sbomop::logging
