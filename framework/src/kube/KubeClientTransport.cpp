//
// KubeClientTransport.cpp
//

#include "KubeClientTransport.h"
#include "sbomop/kube/StatusMapper.h"
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/SSLException.h>
#include <Poco/NumberFormatter.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <limits>

namespace sbomop {
namespace kube {

namespace
{
	const std::string QUERY_RESERVED = "?#/:;+@&=";

	class CancelGuard
		/// Registers the session with the request's cancel token for as long
		/// as the guard lives; must be destroyed before the session.
	{
	public:
		CancelGuard(const KubeClientCancelToken::Ptr& token, KubeClientSessionPool::Session& session):
			_token(token),
			_attached(false)
		{
			if (_token) _attached = _token->attach([&session]() { session.abortConnection(); });
		}

		~CancelGuard()
		{
			detach();
		}

		void detach()
		{
			if (_attached) _token->detach();
			_attached = false;
		}

		bool refused() const
		{
			return _token && !_attached;
		}

	private:
		KubeClientCancelToken::Ptr _token;
		bool _attached;
	};

	bool cancelled(const KubeClientTransport::Request& request)
	{
		return request.cancel && request.cancel->isCancelled();
	}

	std::string warningText(const std::string& value)
	{
		// RFC 7234 form: 299 - "text"; only the text is interesting.
		const std::size_t first = value.find('"');
		const std::size_t last = value.rfind('"');
		if (first == std::string::npos || last <= first) return value;
		return value.substr(first + 1, last - first - 1);
	}

	std::string seconds(const Poco::Timespan& span)
	{
		return Poco::NumberFormatter::format(span.totalMilliseconds() / 1000.0, 1) + " s";
	}
}

KubeClientTransport::KubeClientTransport(const ClusterConnection& connection, const KubeClientSettings& settings):
	_connection(connection),
	_settings(settings),
	_clock(settings.clock ? settings.clock : KubeClientClock::system()),
	_basePath(connection.basePath()),
	_endpoint(connection.endpoint()),
	_userAgent(settings.userAgent.empty() ? KubeClientSettings::defaultUserAgent() : settings.userAgent),
	_pool(connection, settings),
	_rateLimiter(settings.qps, settings.burst, _clock),
	_backoff(settings.backoffBase, settings.backoffCap, settings.retryAfterCap, settings.random),
	_logger(Poco::Logger::get("sbomop.kube.client"))
{
	if (!connection.token.empty() || !connection.tokenFile.empty())
	{
		_tokens = std::make_shared<KubeClientTokenSource>(connection.token, connection.tokenFile, _clock, settings.tokenRefreshInterval);
	}
}

KubeClientTransport::~KubeClientTransport() = default;

const ClusterConnection& KubeClientTransport::connection() const
{
	return _connection;
}

const KubeClientSettings& KubeClientTransport::settings() const
{
	return _settings;
}

std::string KubeClientTransport::describe(const Request& request) const
{
	return request.method + " " + _basePath + request.path;
}

void KubeClientTransport::execute(const Request& request, const BodyHandler& onSuccess)
{
	const int maxAttempts = std::max(1, _settings.maxAttempts);
	bool tokenRefreshed = false;
	for (int number = 1;; ++number)
	{
		_rateLimiter.acquire();
		Attempt result = attempt(request, onSuccess);
		if (result.outcome == Outcome::Success || result.outcome == Outcome::Cancelled) return;

		if (result.tlsFailure) _pool.reloadTls();
		if (result.unauthorizedWithToken && !tokenRefreshed)
		{
			// A rotated service-account token: retry at once with the new one.
			// This does not count as an attempt, and happens at most once.
			tokenRefreshed = true;
			_tokens->invalidate();
			if (_tokens->token() != result.usedToken)
			{
				--number;
				continue;
			}
		}
		const std::string reason = result.error ? result.error->message() : result.transportError;
		if (number < maxAttempts && shouldRetry(request, result))
		{
			const Poco::Timespan delay = _backoff.delay(number - 1, result.error ? result.error->retryAfterSeconds() : -1);
			_logger.warning("%s: %s; retry %d/%d in %s", describe(request), reason,
				number, maxAttempts - 1, seconds(delay));
			_clock->sleep(delay);
			if (cancelled(request)) return;
			continue;
		}
		if (result.error) result.error->rethrow();
		// "sent" matters to the caller: a write that got no answer may still have been applied.
		throw TransportException((result.sent ? "no response from " : "cannot reach ") + _endpoint
			+ " (" + describe(request) + "): " + result.transportError);
	}
}

bool KubeClientTransport::shouldRetry(const Request& request, const Attempt& attempt) const
{
	if (!attempt.error) return !attempt.sent || request.retryable;
	const int code = attempt.error->httpCode();
	if (code == 429) return true;
	if (code >= 500 && code <= 599) return request.retryable || attempt.error->retryAfterSeconds() >= 0;
	return false;
}

void KubeClientTransport::prepare(const Request& request, Poco::Net::HTTPRequest& httpRequest, Attempt& attempt)
{
	std::string target = _basePath + request.path;
	char separator = '?';
	for (const auto& parameter: request.query)
	{
		target += separator;
		Poco::URI::encode(parameter.first, QUERY_RESERVED, target);
		target += '=';
		Poco::URI::encode(parameter.second, QUERY_RESERVED, target);
		separator = '&';
	}
	httpRequest.setMethod(request.method);
	httpRequest.setURI(target);
	httpRequest.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
	httpRequest.set("User-Agent", _userAgent);
	httpRequest.set("Accept", "application/json");
	if (!request.body.empty() || !request.contentType.empty())
	{
		httpRequest.setContentType(request.contentType.empty() ? "application/json" : request.contentType);
		httpRequest.setContentLength(static_cast<std::streamsize>(request.body.size()));
	}
	if (_tokens)
	{
		attempt.usedToken = _tokens->token();
		if (!attempt.usedToken.empty()) httpRequest.set("Authorization", "Bearer " + attempt.usedToken);
	}
	else if (!_connection.username.empty())
	{
		Poco::Net::HTTPBasicCredentials(_connection.username, _connection.password).authenticate(httpRequest);
	}
}

KubeClientTransport::Attempt KubeClientTransport::attempt(const Request& request, const BodyHandler& onSuccess)
{
	Attempt result;
	if (cancelled(request))
	{
		result.outcome = Outcome::Cancelled;
		return result;
	}
	Poco::Net::HTTPRequest httpRequest;
	prepare(request, httpRequest, result);

	std::unique_ptr<KubeClientSessionPool::Session> session = _pool.acquire();
	if (request.watch)
	{
		const Poco::Timespan receive = request.receiveTimeout.totalMicroseconds() > 0 ? request.receiveTimeout : _settings.requestTimeout;
		session->http().setTimeout(_settings.connectTimeout, _settings.requestTimeout, receive);
	}
	try
	{
		session->open();
	}
	catch (Poco::Exception& e)
	{
		result.tlsFailure = dynamic_cast<Poco::Net::SSLException*>(&e) != nullptr;
		result.transportError = e.displayText();
		observe(request, 0);
		return result;
	}
	result.sent = true;

	CancelGuard guard(request.cancel, *session);
	if (guard.refused())
	{
		result.outcome = Outcome::Cancelled;
		return result;
	}
	Poco::Net::HTTPResponse response;
	std::istream* body = nullptr;
	try
	{
		std::ostream& out = session->http().sendRequest(httpRequest);
		out << request.body;
		// A cancel that came while the connection was still being made had no
		// socket to shut down: notice it here, before blocking on the answer.
		if (cancelled(request))
		{
			result.outcome = Outcome::Cancelled;
			return result;
		}
		body = &session->http().receiveResponse(response);
		if (cancelled(request))
		{
			result.outcome = Outcome::Cancelled;
			return result;
		}
	}
	catch (Poco::Exception& e)
	{
		if (cancelled(request))
		{
			result.outcome = Outcome::Cancelled;
			return result;
		}
		result.transportError = e.displayText();
		observe(request, 0);
		return result;
	}

	const int status = response.getStatus();
	observe(request, status);
	logWarnings(response);
	if (_logger.debug()) _logger.debug("%s -> %d", describe(request), status);
	if (status >= 200 && status <= 299)
	{
		result.outcome = Outcome::Success;
		const bool reusable = consume(request, *body, response, onSuccess);
		guard.detach();
		if (reusable) _pool.release(std::move(session));
		return result;
	}

	std::string text;
	try
	{
		Poco::StreamCopier::copyToString(*body, text);
	}
	catch (Poco::Exception&)
	{
		// The status line is enough to report the error.
	}
	guard.detach();
	if (!body->bad() && response.getKeepAlive()) _pool.release(std::move(session));
	result.outcome = Outcome::HttpError;
	result.error = StatusMapper::fromResponse(status, text, StatusMapper::parseRetryAfter(response.get("Retry-After", "")));
	result.unauthorizedWithToken = status == 401 && _tokens && _tokens->fromFile();
	return result;
}

bool KubeClientTransport::consume(const Request& request, std::istream& body, const Poco::Net::HTTPResponse& response,
	const BodyHandler& onSuccess)
{
	const std::string lost = "connection to " + _endpoint + " lost while reading the response of " + describe(request);
	try
	{
		onSuccess(body);
	}
	catch (...)
	{
		// After cancel() the stream was cut on purpose; whatever the handler
		// made of the truncated body is irrelevant.
		if (cancelled(request)) return false;
		if (body.bad()) throw TransportException(lost);
		throw;
	}
	if (cancelled(request)) return false;
	if (body.bad()) throw TransportException(lost);
	if (request.watch) return false;
	// The next request on this connection must start at a message boundary.
	body.ignore(std::numeric_limits<std::streamsize>::max());
	const bool framed = response.getChunkedTransferEncoding() || response.hasContentLength();
	return !body.bad() && framed && response.getKeepAlive();
}

void KubeClientTransport::logWarnings(const Poco::Net::HTTPResponse& response) const
{
	for (const auto& header: response)
	{
		if (Poco::icompare(header.first, "Warning") == 0)
		{
			_logger.warning("API server warning: %s", warningText(header.second));
		}
	}
}

void KubeClientTransport::observe(const Request& request, int code) const
{
	if (!_settings.requestObserver) return;
	try
	{
		_settings.requestObserver(request.verb, request.resource, code);
	}
	catch (...)
	{
		// A metrics hook must never break a request.
	}
}

} } // namespace sbomop::kube
