//
// StatusMapper.cpp
//

#include "sbomop/kube/StatusMapper.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/RegularExpression.h>
#include <Poco/String.h>
#include <algorithm>
#include <cctype>
#include <limits>

namespace sbomop {
namespace kube {

namespace
{
	const std::size_t MAX_MESSAGE = 200;

	Poco::JSON::Object::Ptr parseStatus(const std::string& body)
	{
		const std::string trimmed = Poco::trim(body);
		if (trimmed.empty() || trimmed[0] != '{') return nullptr;
		try
		{
			Poco::JSON::Parser parser;
			Poco::JSON::Object::Ptr object = parser.parse(trimmed).extract<Poco::JSON::Object::Ptr>();
			if (object && object->optValue<std::string>("kind", "") == "Status") return object;
		}
		catch (Poco::Exception&)
		{
			// Not JSON after all: handled as an opaque body.
		}
		return nullptr;
	}

	std::string collapse(const std::string& text)
	{
		// One line, bounded: bodies end up in log lines and exception messages.
		std::string line;
		bool space = false;
		for (char c: text)
		{
			if (std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c)))
			{
				space = !line.empty();
				continue;
			}
			if (space) line += ' ';
			space = false;
			line += c;
			if (line.size() >= MAX_MESSAGE)
			{
				line += "...";
				break;
			}
		}
		return line;
	}

	std::string htmlTitle(const std::string& body)
	{
		const std::string lower = Poco::toLower(body);
		const std::size_t start = lower.find("<title>");
		const std::size_t end = lower.find("</title>");
		if (start == std::string::npos || end == std::string::npos || end < start) return "";
		return collapse(body.substr(start + 7, end - start - 7));
	}

	std::string fallbackMessage(int httpStatus, const std::string& body)
	{
		const std::string trimmed = Poco::trim(body);
		std::string message = "the server responded with HTTP " + std::to_string(httpStatus) + " "
			+ Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(httpStatus));
		if (trimmed.empty()) return message;
		if (trimmed[0] == '<')
		{
			// HTML error pages of proxies and load balancers: only the title is useful.
			const std::string title = htmlTitle(trimmed);
			return title.empty() ? message : message + " (" + title + ")";
		}
		return collapse(trimmed);
	}
}

std::unique_ptr<ApiException> StatusMapper::fromResponse(int httpStatus, const std::string& body, int retryAfterHeaderSeconds)
{
	Poco::JSON::Object::Ptr status = parseStatus(body);
	if (status) return fromStatus(status, httpStatus, retryAfterHeaderSeconds);
	return create(httpStatus, defaultReason(httpStatus), fallbackMessage(httpStatus, body), retryAfterHeaderSeconds);
}

std::unique_ptr<ApiException> StatusMapper::fromStatus(const Poco::JSON::Object::Ptr& status, int fallbackCode, int retryAfterHeaderSeconds)
{
	int code = fallbackCode;
	std::string reason;
	std::string message;
	int retryAfter = retryAfterHeaderSeconds;
	try
	{
		if (status)
		{
			const int statusCode = status->optValue<int>("code", 0);
			if (statusCode >= 400) code = statusCode;
			reason = status->optValue<std::string>("reason", "");
			message = status->optValue<std::string>("message", "");
			Poco::JSON::Object::Ptr details = status->getObject("details");
			if (retryAfter < 0 && details && details->has("retryAfterSeconds"))
			{
				retryAfter = details->getValue<int>("retryAfterSeconds");
			}
		}
	}
	catch (Poco::Exception&)
	{
		// A Status with odd field types still tells us the HTTP code.
	}
	if (reason.empty()) reason = defaultReason(code);
	if (message.empty()) message = fallbackMessage(code, "");
	return create(code, reason, message, retryAfter);
}

std::unique_ptr<ApiException> StatusMapper::create(int code, const std::string& reason, const std::string& message, int retryAfterSeconds)
{
	switch (code)
	{
	case 400: return std::make_unique<BadRequestException>(code, reason, message, retryAfterSeconds);
	case 401: return std::make_unique<UnauthorizedException>(code, reason, message, retryAfterSeconds);
	case 403: return std::make_unique<ForbiddenException>(code, reason, message, retryAfterSeconds);
	case 404: return std::make_unique<NotFoundException>(code, reason, message, retryAfterSeconds);
	case 409:
		if (reason == "AlreadyExists") return std::make_unique<AlreadyExistsException>(code, reason, message, retryAfterSeconds);
		return std::make_unique<ConflictException>(code, reason, message, retryAfterSeconds);
	case 410: return std::make_unique<GoneException>(code, reason, message, retryAfterSeconds);
	case 422: return std::make_unique<InvalidException>(code, reason, message, retryAfterSeconds);
	case 429: return std::make_unique<TooManyRequestsException>(code, reason, message, retryAfterSeconds);
	default:
		if (code >= 500 && code <= 599) return std::make_unique<ServerErrorException>(code, reason, message, retryAfterSeconds);
		return std::make_unique<ApiException>(code, reason, message, retryAfterSeconds);
	}
}

void StatusMapper::raise(int httpStatus, const std::string& body, int retryAfterHeaderSeconds)
{
	fromResponse(httpStatus, body, retryAfterHeaderSeconds)->rethrow();
	throw ApiException(httpStatus, defaultReason(httpStatus), "unreachable");
}

int StatusMapper::parseRetryAfter(const std::string& headerValue, const Poco::Timestamp& now)
{
	const std::string value = Poco::trim(headerValue);
	if (value.empty()) return -1;
	if (std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
	{
		unsigned seconds = 0;
		if (!Poco::NumberParser::tryParseUnsigned(value, seconds)) return -1;
		return static_cast<int>(std::min<unsigned>(seconds, std::numeric_limits<int>::max()));
	}
	// Poco's date parser accepts almost anything, so check the IMF-fixdate
	// shape first (the form RFC 9110 requires senders to use).
	static const Poco::RegularExpression IMF_FIXDATE("^[A-Za-z]{3}, \\d{2} [A-Za-z]{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$");
	if (!IMF_FIXDATE.match(value)) return -1;
	Poco::DateTime date;
	int tzd = 0;
	if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, value, date, tzd)) return -1;
	const Poco::Timestamp::TimeDiff diff = date.timestamp() - now - tzd * Poco::Timespan::SECONDS;
	if (diff <= 0) return 0;
	return static_cast<int>((diff + Poco::Timespan::SECONDS - 1) / Poco::Timespan::SECONDS);
}

std::string StatusMapper::defaultReason(int httpStatus)
{
	switch (httpStatus)
	{
	case 400: return "BadRequest";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "NotFound";
	case 405: return "MethodNotAllowed";
	case 406: return "NotAcceptable";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "RequestEntityTooLarge";
	case 415: return "UnsupportedMediaType";
	case 422: return "Invalid";
	case 429: return "TooManyRequests";
	case 503: return "ServiceUnavailable";
	case 504: return "Timeout";
	default: return httpStatus >= 500 ? "InternalError" : "Unknown";
	}
}

} } // namespace sbomop::kube
