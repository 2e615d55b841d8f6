//
// TestApiServer.h
//
// A tiny scripted HTTP(S) server on 127.0.0.1 (port 0) for the KubeClient
// suite: records every request and lets each test decide the answer.
//

#ifndef SBOMOP_Tests_KubeClient_TestApiServer_INCLUDED
#define SBOMOP_Tests_KubeClient_TestApiServer_INCLUDED

#include <Poco/Event.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/ThreadPool.h>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace kube {
namespace test {

struct RecordedRequest
{
	std::string method;
	std::string uri;
	std::string path;
	std::string query;
		/// Raw (still percent-encoded) query string.
	std::string body;
	Poco::Net::NameValueCollection headers;
	std::string clientAddress;
	std::string clientCertificateName;
		/// CN of the TLS client certificate, if one was presented.
	std::size_t index = 0;
		/// 0-based order of arrival.

	std::string header(const std::string& name) const;
	std::string queryParameter(const std::string& name) const;
		/// Decoded value of a query parameter ("" if absent).
	bool hasQueryParameter(const std::string& name) const;
};

class TestApiServer
{
public:
	struct Exchange
	{
		const RecordedRequest& request;
		Poco::Net::HTTPServerResponse& response;
		Poco::Net::StreamSocket& socket;
		TestApiServer& server;

		void reply(int status, const std::string& body, const std::string& contentType = "application/json");
		void dropConnection();
			/// Closes the connection without answering.
	};

	using Handler = std::function<void(Exchange&)>;

	explicit TestApiServer(Handler handler, Poco::Net::Context::Ptr tlsContext = nullptr);
	~TestApiServer();

	Poco::UInt16 port() const;
	std::string url() const;
	std::vector<RecordedRequest> requests() const;
	std::size_t connectionCount() const;
		/// Distinct client connections seen.
	bool waitForRelease(long milliseconds);
		/// For handlers that must block (watch streams): returns true once
		/// release() was called or the server is being destroyed.
	void release();

	static Poco::Net::Context::Ptr serverContext(const std::string& certificate, const std::string& key, const std::string& clientCa);
		/// TLS server context; requests (but does not require) a client
		/// certificate signed by `clientCa`.

	void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

private:
	Handler _handler;
	bool _secure;
	Poco::ThreadPool _threads;
	std::unique_ptr<Poco::Net::HTTPServer> _server;
	Poco::UInt16 _port = 0;
	mutable std::mutex _mutex;
	std::vector<RecordedRequest> _requests;
	Poco::Event _released{false};
};

} } } // namespace sbomop::kube::test

#endif // SBOMOP_Tests_KubeClient_TestApiServer_INCLUDED
