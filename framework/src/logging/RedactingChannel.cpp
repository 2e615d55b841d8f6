//
// RedactingChannel.cpp
//

#include "sbomop/logging/RedactingChannel.h"
#include "sbomop/logging/SecretRedactor.h"
#include "MessageParameters.h"
#include <Poco/Exception.h>
#include <Poco/Message.h>
#include <utility>
#include <vector>

namespace sbomop {
namespace logging {


RedactingChannel::RedactingChannel(Poco::Channel::Ptr pNext):
	RedactingChannel(pNext, SecretRedactor::instance())
{
}


RedactingChannel::RedactingChannel(Poco::Channel::Ptr pNext, const SecretRedactor& redactor):
	_pNext(pNext),
	_redactor(redactor)
{
	if (!_pNext) throw Poco::NullPointerException("RedactingChannel needs a next channel");
}


RedactingChannel::~RedactingChannel() = default;


void RedactingChannel::open()
{
	_pNext->open();
}


void RedactingChannel::close()
{
	_pNext->close();
}


void RedactingChannel::log(const Poco::Message& msg)
{
	std::string text(msg.getText());
	const bool textChanged = _redactor.redactInPlace(text);

	std::vector<std::pair<std::string, std::string>> changedParameters;
	if (const MessageParameters::Map* pParameters = MessageParameters::of(msg))
	{
		for (const auto& parameter: *pParameters)
		{
			std::string value(parameter.second);
			if (_redactor.redactInPlace(value)) changedParameters.emplace_back(parameter.first, std::move(value));
		}
	}

	if (!textChanged && changedParameters.empty())
	{
		_pNext->log(msg);
		return;
	}
	Poco::Message redacted(msg, text);
	for (auto& parameter: changedParameters) redacted[parameter.first] = std::move(parameter.second);
	_pNext->log(redacted);
}


Poco::Channel::Ptr RedactingChannel::next() const
{
	return _pNext;
}


} } // namespace sbomop::logging
