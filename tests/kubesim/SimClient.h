//
// SimClient.h
//
// Test helpers for the KubeSim suite: a small HTTP(S) client for kube-sim
// (bearer token, CA-verified TLS), a background reader for watch streams and
// a polling wait for asynchronous effects.
//

#ifndef SBOMOP_KubeSimTest_SimClient_INCLUDED
#define SBOMOP_KubeSimTest_SimClient_INCLUDED

#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/NameValueCollection.h>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace sbomop {
namespace kubesim {

class KubeSimServer;

class SimClient
	/// One client; each request opens its own connection.
{
public:
	struct Response
	{
		int status = 0;
		std::string body;
		std::string contentType;
		Poco::Net::NameValueCollection headers;

		Poco::JSON::Object::Ptr json() const;
			/// The body parsed as an object (throws when it is not one).
		std::vector<std::string> all(const std::string& header) const;
	};

	explicit SimClient(KubeSimServer& server);
	SimClient(Poco::UInt16 port, const std::string& token, Poco::Net::Context::Ptr tls);

	Response request(const std::string& method, const std::string& target, const std::string& body = "",
		const std::string& contentType = "application/json", const std::vector<std::pair<std::string, std::string>>& headers = {}) const;

	Response get(const std::string& target) const;
	Response post(const std::string& target, const std::string& body) const;
	Response put(const std::string& target, const std::string& body) const;
	Response patch(const std::string& target, const std::string& body, const std::string& contentType) const;
	Response remove(const std::string& target, const std::string& body = "") const;

	std::unique_ptr<Poco::Net::HTTPClientSession> session() const;
	const std::string& token() const;

private:
	Poco::UInt16 _port;
	std::string _token;
	Poco::Net::Context::Ptr _tls;
};

class WatchStream
	/// Reads a watch response on a background thread; events are queued.
{
public:
	WatchStream(const SimClient& client, const std::string& target);
	~WatchStream();
		/// Aborts the connection and joins the reader.

	int status() const;

	Poco::JSON::Object::Ptr next(int timeoutMs = 5000);
		/// The next event, or null on timeout or after the stream ended.

	std::vector<Poco::JSON::Object::Ptr> collect(std::size_t count, int timeoutMs = 5000);
		/// Up to `count` events (fewer on timeout/end).

	bool waitEnded(int timeoutMs);
		/// True once the server ended the stream (clean EOF or reset).

	bool endedCleanly() const;
		/// True when the stream ended with a proper end of the chunked body.

private:
	void run(std::istream& in);

	std::unique_ptr<Poco::Net::HTTPClientSession> _session;
	int _status;
	mutable std::mutex _mutex;
	std::condition_variable _changed;
	std::deque<Poco::JSON::Object::Ptr> _events;
	bool _ended;
	bool _clean;
	std::thread _reader;
};

bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 5000);
	/// Polls `condition` every 10 ms; false when it never held.

std::string objectType(const Poco::JSON::Object::Ptr& event);
	/// The `type` of a watch event.

std::string eventName(const Poco::JSON::Object::Ptr& event);
	/// `object.metadata.name` of a watch event.

std::string eventResourceVersion(const Poco::JSON::Object::Ptr& event);

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSimTest_SimClient_INCLUDED
