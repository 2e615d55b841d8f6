//
// RedactingChannel.h
//
// A channel that masks registered secrets before a message goes any further.
//

#ifndef SBOMOP_Logging_RedactingChannel_INCLUDED
#define SBOMOP_Logging_RedactingChannel_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Channel.h>

namespace sbomop {
namespace logging {

class SecretRedactor;

class SBOMOP_API RedactingChannel: public Poco::Channel
	/// Passes every message on to the next channel after masking all secrets
	/// known to a SecretRedactor in the message text and in the values of all
	/// named parameters. Messages without secrets are passed on unchanged and
	/// without a copy.
	///
	/// log() is thread-safe as long as the next channel's log() is (Poco's
	/// ConsoleChannel and FormattingChannel are).
{
public:
	using Ptr = Poco::AutoPtr<RedactingChannel>;

	explicit RedactingChannel(Poco::Channel::Ptr pNext);
		/// Creates a channel that masks the secrets of
		/// SecretRedactor::instance() and passes messages to pNext.
		/// Throws Poco::NullPointerException if pNext is null.

	RedactingChannel(Poco::Channel::Ptr pNext, const SecretRedactor& redactor);
		/// Creates a channel that masks the secrets of redactor, which must
		/// outlive the channel. Throws Poco::NullPointerException if pNext is
		/// null.

	void open() override;
		/// Opens the next channel.

	void close() override;
		/// Closes the next channel.

	void log(const Poco::Message& msg) override;
		/// Masks secrets in msg and passes the result to the next channel.

	Poco::Channel::Ptr next() const;
		/// Returns the channel messages are passed to.

protected:
	~RedactingChannel() override;

private:
	Poco::Channel::Ptr _pNext;
	const SecretRedactor& _redactor;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_RedactingChannel_INCLUDED
