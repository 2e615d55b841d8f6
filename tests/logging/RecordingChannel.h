//
// RecordingChannel.h
//
// A channel that keeps copies of the messages it receives, for assertions.
//

#ifndef SBOMOP_Tests_RecordingChannel_INCLUDED
#define SBOMOP_Tests_RecordingChannel_INCLUDED

#include <Poco/Channel.h>
#include <Poco/Message.h>
#include <Poco/Mutex.h>
#include <vector>

namespace sbomop {
namespace logging {

class RecordingChannel: public Poco::Channel
{
public:
	using Ptr = Poco::AutoPtr<RecordingChannel>;

	void log(const Poco::Message& msg) override;

	std::vector<Poco::Message> messages() const;

	const Poco::Message* lastAddress() const;
		/// The address of the last message passed to log(), to tell whether a
		/// channel forwarded the caller's object or a copy.

private:
	std::vector<Poco::Message> _messages;
	const Poco::Message* _pLast = nullptr;
	mutable Poco::FastMutex _mutex;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Tests_RecordingChannel_INCLUDED
