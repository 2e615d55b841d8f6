//
// ApiResponse.cpp
//

#include "kubesim/ApiResponse.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <ostream>

namespace sbomop {
namespace kubesim {

namespace
{
	// API Priority and Fairness answers carry these on every response; clients
	// may log them, and their presence is part of looking like the real server.
	void commonHeaders(Poco::Net::HTTPServerResponse& response)
	{
		response.set("Cache-Control", "no-cache, private");
		response.set("X-Kubernetes-Pf-Flowschema-Uid", "6c2b1d0e-4a52-4c57-a3d9-6b0a8f7e1c10");
		response.set("X-Kubernetes-Pf-Prioritylevel-Uid", "0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f");
	}

	void prepare(const ApiResponse& reply, Poco::Net::HTTPServerResponse& response)
	{
		response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
		response.setContentType(reply.contentType);
		commonHeaders(response);
		for (const auto& header: reply.headers) response.add(header.first, header.second);
		response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
	}
}

ApiResponse ApiResponse::json(int status, const std::string& body)
{
	ApiResponse response;
	response.status = status;
	response.body = body;
	return response;
}

ApiResponse ApiResponse::object(int status, const Poco::JSON::Object::Ptr& object)
{
	return json(status, Json::stringify(object));
}

ApiResponse ApiResponse::error(const StatusError& error)
{
	ApiResponse response = object(error.httpCode(), error.toStatus());
	if (error.retryAfter() >= 0) response.headers.emplace_back("Retry-After", std::to_string(error.retryAfter()));
	return response;
}

ApiResponse ApiResponse::text(int status, const std::string& body)
{
	ApiResponse response;
	response.status = status;
	response.contentType = "text/plain; charset=utf-8";
	response.body = body;
	response.headers.emplace_back("X-Content-Type-Options", "nosniff");
	return response;
}

void ApiResponse::addWarning(const std::string& text)
{
	headers.emplace_back("Warning", "299 - " + StatusError::quote(text));
}

void ApiResponse::send(Poco::Net::HTTPServerResponse& response) const
{
	prepare(*this, response);
	response.sendBuffer(body.data(), body.size());
}

void ApiResponse::sendTruncated(Poco::Net::HTTPServerResponse& response, Poco::Net::StreamSocket& socket) const
{
	prepare(*this, response);
	std::ostream& out = response.send();
	out.write(body.data(), static_cast<std::streamsize>(body.size() / 2));
	out.flush();
	resetConnection(socket);
}

void ApiResponse::resetConnection(Poco::Net::StreamSocket& socket)
{
	try
	{
		socket.setLinger(true, 0);
		socket.close();
	}
	catch (Poco::Exception&)
	{
		// Already broken: the peer sees the connection end either way.
	}
}

} } // namespace sbomop::kubesim
