//
// ApiRequestHandler.cpp
//

#include "kubesim/ApiRequestHandler.h"
#include "kubesim/AdminRequestHandler.h"
#include "kubesim/Discovery.h"
#include "kubesim/FaultInjector.h"
#include "kubesim/Json.h"
#include "kubesim/OpenApiDocuments.h"
#include "kubesim/RbacAuthorizer.h"
#include "kubesim/RequestStats.h"
#include "kubesim/ResourceHandler.h"
#include "kubesim/ServiceAccountTokens.h"
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

bool ApiRequestHandler::authenticate(const Poco::Net::HTTPServerRequest& request, std::string& user) const
{
	user.clear();
	const std::string header = request.get("Authorization", "");
	const std::string prefix = "Bearer ";
	if (_context.serviceAccounts && header.compare(0, prefix.size(), prefix) == 0
		&& _context.serviceAccounts->find(header.substr(prefix.size()), user)) return true;
	if (_context.token.empty()) return true;
	const std::string expected = prefix + _context.token;
	return header.size() == expected.size() && header == expected;
}

void ApiRequestHandler::authorize(const std::string& user, const RequestPath& path, const std::string& verb) const
{
	if (user.empty() || !_context.rbac) return;
	if (path.kind != RequestPath::Kind::Resource)
	{
		// Discovery, /version and /openapi are open to every authenticated
		// user (system:discovery, system:public-info-viewer); /_sim is not.
		if (path.kind != RequestPath::Kind::Admin && (verb == "get" || verb == "head")) return;
		throw RbacAuthorizer::forbiddenPath(user, verb, path.path);
	}
	RbacRequest attributes = RbacRequest::forServiceAccount(user);
	attributes.verb = verb;
	attributes.apiGroup = path.resource->group;
	attributes.resource = path.resource->plural;
	attributes.subresource = path.subresource;
	attributes.ns = path.ns;
	attributes.name = path.name;
	if (!_context.rbac->allows(attributes)) throw RbacAuthorizer::forbidden(attributes);
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
		std::string user;
		if (path.kind != RequestPath::Kind::Health && !authenticate(request, user)) throw StatusError::unauthorized();
		if (path.kind == RequestPath::Kind::Admin)
		{
			authorize(user, path, Poco::toLower(method));
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
		authorize(user, path, verb);

		const Poco::Timespan latency = _context.faults->latency();
		if (latency.totalMicroseconds() > 0) Poco::Thread::sleep(static_cast<long>(latency.totalMilliseconds()));
		FaultRule fault;
		if (_context.faults->take(verb, path.path, request, fault))
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
