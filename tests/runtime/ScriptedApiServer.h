//
// ScriptedApiServer.h
//
// A minimal HTTP server on 127.0.0.1 (port 0) whose answers come from a
// test-supplied script, for responses kube-sim cannot produce (malformed
// bodies, arbitrary watch ERROR events) and for checking the exact requests.
//

#ifndef SBOMOP_Tests_Runtime_ScriptedApiServer_INCLUDED
#define SBOMOP_Tests_Runtime_ScriptedApiServer_INCLUDED

#include <Poco/Event.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/URI.h>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace runtime {
namespace test {

class ScriptedApiServer
{
public:
	struct Reply
	{
		int status = 200;
		std::string body;
		int retryAfterSeconds = -1;
		bool holdOpen = false;
			///< after the body, keep the (chunked) response open until the server is destroyed
	};

	using Script = std::function<Reply(const Poco::URI& uri, std::size_t index)>;
		/// Called on a server thread for every request (0-based `index`).

	explicit ScriptedApiServer(Script script);
	~ScriptedApiServer();

	std::string url() const;
	std::vector<Poco::URI> requests() const;
	std::size_t requestCount() const;

	static std::string parameter(const Poco::URI& uri, const std::string& name);
		/// The decoded query parameter, or "" when absent.

	void handle(const std::string& uri, Poco::Net::HTTPServerResponse& response);
		/// Used by the server's request handler.

private:
	Script _script;
	mutable std::mutex _mutex;
	std::vector<Poco::URI> _requests;
	Poco::Event _released;
	std::unique_ptr<Poco::Net::HTTPServer> _server;
};

} } } // namespace sbomop::runtime::test

#endif // SBOMOP_Tests_Runtime_ScriptedApiServer_INCLUDED
