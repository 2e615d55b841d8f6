//
// ApiRequestHandler.cpp
//

#include "dtrack/ApiRequestHandler.h"
#include "dtrack/AdminResource.h"
#include "dtrack/ApiKeyRegistry.h"
#include "dtrack/BomResource.h"
#include "dtrack/FaultInjector.h"
#include "dtrack/ProjectResource.h"
#include "dtrack/ProjectStore.h"
#include "dtrack/RequestLog.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Thread.h>
#include <limits>

using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

ApiRequestHandler::ApiRequestHandler(const ServerContext& context):
	_context(context)
{
}

void ApiRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	RequestRecord record;
	record.method = request.getMethod();
	record.uri = request.getURI();
	record.contentType = request.getContentType();
	Reply reply;
	try
	{
		const RequestTarget target(request.getURI());
		if (!target.segments().empty() && target.segments()[0] == "_sim")
		{
			const Reply admin = AdminResource(_context).handle(record.method, target, request);
			drainBody(request);
			admin.send(response);
			return;
		}
		if (_context.faults->down())
		{
			_context.log->add(record);
			dropConnection(request);
			return;
		}
		const Poco::Timespan latency = _context.faults->latency();
		if (latency > 0) Poco::Thread::sleep(static_cast<long>(latency.totalMilliseconds()));
		FaultRule fault;
		if (_context.faults->take(record.method, target.path(), fault))
		{
			reply = fault.body.empty() ? Reply::empty(fault.status) : Reply::text(fault.status, fault.body);
		}
		else reply = dispatch(target, request);
	}
	catch (Poco::SyntaxException&)
	{
		reply = Reply::empty(400);
	}
	catch (Poco::Exception&)
	{
		reply = Reply::empty(500);
	}
	record.status = reply.status;
	_context.log->add(record);
	drainBody(request);
	reply.send(response);
}

Reply ApiRequestHandler::dispatch(const RequestTarget& target, Poco::Net::HTTPServerRequest& request)
{
	const std::string& method = request.getMethod();
	const std::vector<std::string>& s = target.segments();
	if (s.size() == 2 && s[0] == "api" && s[1] == "version")
	{
		return method == "GET" ? version() : Reply::empty(405);
	}
	PermissionSet permissions;
	if (!_context.keys->authenticate(request, permissions)) return Reply::empty(401);
	if (s.size() < 3 || s[0] != "api" || s[1] != "v1") return Reply::empty(404);
	if (s[2] == "bom" || s[2] == "event") return BomResource(*_context.store).handle(method, target, request, permissions);
	if (s[2] == "project") return ProjectResource(*_context.store).handle(method, target, request, permissions);
	return Reply::empty(404);
}

Reply ApiRequestHandler::version() const
{
	// Shape of 4.x's /api/version; only `version` carries meaning here, the
	// build timestamps and UUIDs are fixed stand-ins.
	Object::Ptr framework = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	framework->set("version", "3.1.2");
	framework->set("timestamp", "2025-01-01T00:00:00Z");
	framework->set("uuid", "d3a6ac1d-1e2d-4d6b-a0f2-6c0a4bcb5f5a");
	framework->set("name", "Alpine");
	Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	json->set("version", _context.version);
	json->set("timestamp", "2025-01-01T00:00:00Z");
	json->set("uuid", "7c7b8a3e-5d52-4d0c-9d43-0f6f3d7c2a11");
	json->set("systemUuid", "0b6a4f43-3c0e-4f9a-9a57-2a3d5b8e6c90");
	json->set("application", "Dependency-Track");
	json->set("framework", framework);
	return Reply::json(200, json);
}

void ApiRequestHandler::drainBody(Poco::Net::HTTPServerRequest& request)
{
	// An answer given before the body was read (401, 403, injected faults)
	// must not leave the rest of it to be parsed as the next request on a
	// kept-alive connection.
	try
	{
		request.stream().ignore(std::numeric_limits<std::streamsize>::max());
	}
	catch (Poco::Exception&)
	{
		// The client went away; sending the answer will fail on its own.
	}
}

void ApiRequestHandler::dropConnection(Poco::Net::HTTPServerRequest& request)
{
	try
	{
		Poco::Net::StreamSocket& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
		// Linger 0 turns close() into a reset: the client sees the server go away.
		socket.setLinger(true, 0);
		socket.close();
	}
	catch (Poco::Exception&)
	{
		// Already broken; the client sees the connection end either way.
	}
}

} } // namespace sbomop::dtracksim
