//
// AdminRequestHandler.cpp
//

#include "kubesim/AdminRequestHandler.h"
#include "kubesim/ApiResponse.h"
#include "kubesim/FaultInjector.h"
#include "kubesim/GarbageCollector.h"
#include "kubesim/Json.h"
#include "kubesim/ListOptions.h"
#include "kubesim/RequestStats.h"
#include "kubesim/ResourceHandler.h"
#include "kubesim/ResourceRegistry.h"
#include "kubesim/StatusError.h"
#include <Poco/NumberParser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/URI.h>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

AdminRequestHandler::AdminRequestHandler(const ServerContext& context):
	_context(context)
{
}

void AdminRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	ApiResponse reply;
	try
	{
		Poco::URI uri(request.getURI());
		std::string path = uri.getPath();
		while (path.size() > 1 && path.back() == '/') path.pop_back();
		const std::string& method = request.getMethod();
		const bool get = method == Poco::Net::HTTPRequest::HTTP_GET;
		const bool post = method == Poco::Net::HTTPRequest::HTTP_POST;
		const bool remove = method == Poco::Net::HTTPRequest::HTTP_DELETE;
		if (path == "/_sim/stats" && (get || remove))
		{
			if (remove) _context.stats->reset();
			reply = ApiResponse::object(200, _context.stats->toJson());
		}
		else if (path == "/_sim/faults" && (get || post || remove))
		{
			if (remove) _context.faults->clear();
			if (post)
			{
				try
				{
					_context.faults->configure(Json::parseObject(ResourceHandler::readBody(request)));
				}
				catch (StatusError&)
				{
					throw;
				}
				catch (Poco::Exception& e)
				{
					throw StatusError::badRequest(e.displayText());
				}
			}
			reply = ApiResponse::object(200, _context.faults->toJson());
		}
		else if (path == "/_sim/compact" && post)
		{
			_context.registry->store().compact();
			Object::Ptr result = new Object;
			result->set("resourceVersion", std::to_string(_context.registry->store().currentResourceVersion()));
			reply = ApiResponse::object(200, result);
		}
		else if (path == "/_sim/seed" && post)
		{
			Object::Ptr list;
			try
			{
				list = Json::parseObject(ResourceHandler::readBody(request));
			}
			catch (Poco::Exception& e)
			{
				throw StatusError::badRequest(e.displayText());
			}
			try
			{
				_context.registry->seedList(list);
			}
			catch (Poco::InvalidArgumentException& e)
			{
				throw StatusError::badRequest(e.displayText());
			}
			Object::Ptr result = new Object;
			result->set("resourceVersion", std::to_string(_context.registry->store().currentResourceVersion()));
			reply = ApiResponse::object(200, result);
		}
		else if (path == "/_sim/gc/wait" && post)
		{
			bool present = false;
			int seconds = 10;
			Poco::NumberParser::tryParse(ListOptions::find(uri.getQueryParameters(), "timeoutSeconds", present), seconds);
			const bool idle = _context.collector->waitIdle(Poco::Timespan(seconds, 0));
			Object::Ptr result = new Object;
			result->set("idle", idle);
			reply = ApiResponse::object(idle ? 200 : 504, result);
		}
		else throw StatusError::pathNotFound();
	}
	catch (StatusError& e)
	{
		reply = ApiResponse::error(e);
	}
	catch (Poco::Exception& e)
	{
		reply = ApiResponse::error(StatusError::internalError(e.displayText()));
	}
	reply.send(response);
}

} } // namespace sbomop::kubesim
