//
// ApiResponse.h
//
// A complete (non-streaming) HTTP answer of kube-sim, built by the handlers
// and written once, so that a fault can cut it off half-way.
//

#ifndef SBOMOP_KubeSim_ApiResponse_INCLUDED
#define SBOMOP_KubeSim_ApiResponse_INCLUDED

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace kubesim {

class StatusError;

struct ApiResponse
	/// Status code, headers and body. Value type.
{
	int status = 200;
	std::string contentType = "application/json";
	std::string body;
	std::vector<std::pair<std::string, std::string>> headers;

	static ApiResponse json(int status, const std::string& body);
	static ApiResponse object(int status, const Poco::JSON::Object::Ptr& object);
	static ApiResponse error(const StatusError& error);
		/// The Status body; adds `Retry-After` when the error carries one.
	static ApiResponse text(int status, const std::string& body);
		/// A `text/plain; charset=utf-8` answer (used for the 429 of API Priority and Fairness).

	void addWarning(const std::string& text);
		/// Adds `Warning: 299 - "<text>"`.

	void send(Poco::Net::HTTPServerResponse& response) const;
		/// Writes status, headers and body.

	void sendTruncated(Poco::Net::HTTPServerResponse& response, Poco::Net::StreamSocket& socket) const;
		/// Writes the headers (announcing the full length) and half of the body,
		/// then resets the connection.

	static void resetConnection(Poco::Net::StreamSocket& socket);
		/// Aborts the connection (SO_LINGER 0, close): the peer sees a reset.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ApiResponse_INCLUDED
