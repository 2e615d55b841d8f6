//
// ApiRequestHandler.cpp
//

#include "kubesim/ApiRequestHandler.h"
#include "kubesim/AdminRequestHandler.h"
#include "kubesim/Discovery.h"
#include "kubesim/FaultInjector.h"
#include "kubesim/Json.h"
#include "kubesim/OpenApiDocuments.h"
#include "kubesim/RequestStats.h"
#include "kubesim/ResourceHandler.h"
#include "kubesim/StatusError.h"
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

namespace sbomop {
namespace kubesim {

ApiRequestHandler::ApiRequestHandler(const ServerContext& context):
	_context(context)
{
}

bool ApiRequestHandler::acceptsJson(const std::string& accept)
{
	if (Poco::trim(accept).empty()) return true;
	Poco::StringTokenizer ranges(accept, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& range: ranges)
	{
		try
		{
			Poco::Net::MediaType type(range);
			const std::string name = Poco::toLower(type.getType() + "/" + type.getSubType());
			if (name == "*/*" || name == "application/*") return true;
			if (name == "application/json" && !type.hasParameter("as")) return true;
		}
		catch (Poco::Exception&)
		{
			// An unparsable range admits nothing; look at the others.
		}
	}
	return false;
}

bool ApiRequestHandler::authorized(const Poco::Net::HTTPServerRequest& request) const
{
	if (_context.token.empty()) return true;
	const std::string header = request.get("Authorization", "");
	const std::string expected = "Bearer " + _context.token;
	return header.size() == expected.size() && header == expected;
}

ApiResponse ApiRequestHandler::nonResource(const RequestPath& path, const std::string& method) const
{
	if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD)
		throw StatusError::methodNotAllowed();
	switch (path.kind)
	{
	case RequestPath::Kind::Health:
		return ApiResponse::text(200, "ok");
	case RequestPath::Kind::Version:
		return ApiResponse::object(200, Discovery::version(_context.serverVersion));
	case RequestPath::Kind::Discovery:
	{
		Poco::JSON::Object::Ptr document = Discovery::document(path.path, _context.serverAddress);
		if (!document) throw StatusError::pathNotFound();
		return ApiResponse::object(200, document);
	}
	case RequestPath::Kind::OpenApi:
	{
		std::string body;
		if (!_context.openApi || !_context.openApi->find(path.path, body)) throw StatusError::pathNotFound();
		return ApiResponse::json(200, body);
	}
	default:
		throw StatusError::pathNotFound();
	}
}

void ApiRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	ApiResponse reply;
	bool reset = false;
	try
	{
		Poco::URI uri(request.getURI());
		const RequestPath path = RequestPath::parse(uri.getPath());
		const QueryParameters query = uri.getQueryParameters();
		const std::string& method = request.getMethod();
		if (path.kind != RequestPath::Kind::Health && !authorized(request)) throw StatusError::unauthorized();
		if (path.kind == RequestPath::Kind::Admin)
		{
			AdminRequestHandler admin(_context);
			admin.handleRequest(request, response);
			return;
		}

		std::string verb = Poco::toLower(method);
		if (path.kind == RequestPath::Kind::Resource)
		{
			verb = ResourceHandler::verbOf(path, method, query);
			if (verb.empty()) throw StatusError::methodNotAllowed();
		}
		_context.stats->record(verb, path.statsResource());

		const Poco::Timespan latency = _context.faults->latency();
		if (latency.totalMicroseconds() > 0) Poco::Thread::sleep(static_cast<long>(latency.totalMilliseconds()));
		FaultRule fault;
		if (_context.faults->take(verb, path.path, fault))
		{
			if (fault.action == FaultRule::Action::Reset) reset = true;
			else if (fault.code == 429)
			{
				// API Priority and Fairness rejects with plain text, not a Status.
				reply = ApiResponse::text(429, "Too many requests, please try again later.\n");
				if (fault.retryAfterSeconds >= 0) reply.headers.emplace_back("Retry-After", std::to_string(fault.retryAfterSeconds));
				reply.send(response);
				return;
			}
			else
			{
				StatusError error = StatusError::forCode(fault.code, fault.message.empty()
					? (fault.code == 503 ? std::string("the server is currently unable to handle the request") : std::string("injected fault"))
					: fault.message);
				if (fault.retryAfterSeconds >= 0) error.setRetryAfter(fault.retryAfterSeconds);
				ApiResponse::error(error).send(response);
				return;
			}
		}

		// Logs are text/plain whatever the client accepts.
		const bool negotiated = (path.kind == RequestPath::Kind::Resource && path.subresource != "log")
			|| path.kind == RequestPath::Kind::Discovery || path.kind == RequestPath::Kind::Version;
		if (negotiated && !acceptsJson(request.get("Accept", "")))
		{
			throw StatusError::notAcceptable("only the following media types are accepted: application/json");
		}
		if (path.kind == RequestPath::Kind::Resource)
		{
			ResourceHandler handler(_context, path, query);
			if (!handler.handle(verb, request, response, reply, reset)) return;
		}
		else reply = nonResource(path, method);
	}
	catch (StatusError& e)
	{
		reply = ApiResponse::error(e);
	}
	catch (Poco::Exception& e)
	{
		reply = ApiResponse::error(StatusError::internalError(e.displayText()));
	}
	catch (std::exception& e)
	{
		reply = ApiResponse::error(StatusError::internalError(e.what()));
	}
	if (response.sent()) return;
	if (reset) reply.sendTruncated(response, static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket());
	else reply.send(response);
}

} } // namespace sbomop::kubesim
