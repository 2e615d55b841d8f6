//
// HealthRequestHandler.cpp
//

#include "HealthRequestHandler.h"
#include "sbomop/http/HealthServer.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/http/TextExposition.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/NumberFormatter.h>
#include <exception>

namespace sbomop {
namespace http {

namespace {

const std::string HEALTH_PATH("/health");
const std::string READY_PATH("/readyz");
const std::string METRICS_PATH("/metrics");
const std::string PLAIN_TEXT("text/plain; charset=utf-8");

using Status = Poco::Net::HTTPResponse::HTTPStatus;

struct Reply
{
	Status status;
	std::string body;
	std::string contentType;
};


std::string pathOf(const std::string& uri)
{
	// Probes and scrapers may add a query string; it does not select anything.
	return uri.substr(0, uri.find('?'));
}

} // namespace


HealthRequestHandler::HealthRequestHandler(const HealthServer& server, const MetricsRegistry& registry, CounterFamily& requests):
	_server(server),
	_registry(registry),
	_requests(requests)
{
}


void HealthRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	const std::string path = pathOf(request.getURI());
	const std::string& method = request.getMethod();
	Reply reply{Poco::Net::HTTPResponse::HTTP_OK, std::string(), PLAIN_TEXT};
	try
	{
		if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD)
		{
			reply = {Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method not allowed", PLAIN_TEXT};
			response.set("Allow", "GET, HEAD");
		}
		else if (path == HEALTH_PATH)
		{
			reply.body = "Running!";
		}
		else if (path == READY_PATH)
		{
			const std::string reason = _server.notReadyReason();
			if (reason.empty())
				reply.body = "ok";
			else
				reply = {Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE, reason, PLAIN_TEXT};
		}
		else if (path == METRICS_PATH)
		{
			reply = {Poco::Net::HTTPResponse::HTTP_OK, _registry.render(), TextExposition::CONTENT_TYPE};
		}
		else
		{
			reply = {Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "not found", PLAIN_TEXT};
		}
	}
	catch (std::exception& exc)
	{
		Poco::Logger::get("sbomop.http.server").error("answering " + method + " " + path + " failed: " + exc.what());
		reply = {Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal error", PLAIN_TEXT};
	}

	_requests.labels({pathLabel(path), Poco::NumberFormatter::format(static_cast<int>(reply.status))}).inc();
	response.setStatus(reply.status);
	response.setContentType(reply.contentType);
	response.set("Cache-Control", "no-store");
	response.sendBuffer(reply.body.data(), reply.body.size());
}


const std::string& HealthRequestHandler::pathLabel(const std::string& path)
{
	static const std::string OTHER("other");
	if (path == HEALTH_PATH || path == READY_PATH || path == METRICS_PATH) return path;
	return OTHER;
}


} } // namespace sbomop::http
