//
// SimClient.cpp
//

#include "SimClient.h"
#include "common/Polling.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timestamp.h>
#include <chrono>
#include <sys/socket.h>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

Object::Ptr SimClient::Response::json() const
{
	return Json::parseObject(body);
}

std::vector<std::string> SimClient::Response::all(const std::string& header) const
{
	std::vector<std::string> values;
	for (auto it = headers.find(header); it != headers.end() && Poco::icompare(it->first, header) == 0; ++it)
		values.push_back(it->second);
	return values;
}

SimClient::SimClient(KubeSimServer& server):
	_port(server.port()),
	_token(server.token()),
	_tls(server.clientContext())
{
}

SimClient::SimClient(Poco::UInt16 port, const std::string& token, Poco::Net::Context::Ptr tls):
	_port(port),
	_token(token),
	_tls(tls)
{
}

std::unique_ptr<Poco::Net::HTTPClientSession> SimClient::session() const
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (_tls) session.reset(new Poco::Net::HTTPSClientSession("127.0.0.1", _port, _tls));
	else session.reset(new Poco::Net::HTTPClientSession("127.0.0.1", _port));
	session->setTimeout(Poco::Timespan(30, 0));
	return session;
}

const std::string& SimClient::token() const
{
	return _token;
}

SimClient::Response SimClient::request(const std::string& method, const std::string& target, const std::string& body,
	const std::string& contentType, const std::vector<std::pair<std::string, std::string>>& headers) const
{
	std::unique_ptr<Poco::Net::HTTPClientSession> client = session();
	Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
	if (!_token.empty()) request.set("Authorization", "Bearer " + _token);
	request.set("Accept", "application/json");
	for (const auto& header: headers) request.set(header.first, header.second);
	if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
	{
		request.setContentType(contentType);
		request.setContentLength(static_cast<std::streamsize>(body.size()));
	}
	std::ostream& out = client->sendRequest(request);
	out << body;
	Poco::Net::HTTPResponse response;
	std::istream& in = client->receiveResponse(response);
	Response result;
	result.status = response.getStatus();
	result.contentType = response.getContentType();
	for (const auto& header: response) result.headers.add(header.first, header.second);
	Poco::StreamCopier::copyToString(in, result.body);
	return result;
}

SimClient::Response SimClient::get(const std::string& target) const
{
	return request("GET", target);
}

SimClient::Response SimClient::post(const std::string& target, const std::string& body) const
{
	return request("POST", target, body);
}

SimClient::Response SimClient::put(const std::string& target, const std::string& body) const
{
	return request("PUT", target, body);
}

SimClient::Response SimClient::patch(const std::string& target, const std::string& body, const std::string& contentType) const
{
	return request("PATCH", target, body, contentType);
}

SimClient::Response SimClient::remove(const std::string& target, const std::string& body) const
{
	return request("DELETE", target, body);
}

WatchStream::WatchStream(const SimClient& client, const std::string& target):
	_session(client.session()),
	_status(0),
	_ended(false),
	_clean(false)
{
	Poco::Net::HTTPRequest request("GET", target, Poco::Net::HTTPMessage::HTTP_1_1);
	if (!client.token().empty()) request.set("Authorization", "Bearer " + client.token());
	_session->sendRequest(request);
	Poco::Net::HTTPResponse response;
	std::istream& in = _session->receiveResponse(response);
	_status = response.getStatus();
	_reader = std::thread([this, &in] { run(in); });
}

WatchStream::~WatchStream()
{
	// Shut the socket down underneath the reader; no TLS call races with it.
	try
	{
		poco_socket_t fd = _session->socket().impl()->sockfd();
		if (fd != POCO_INVALID_SOCKET) ::shutdown(fd, SHUT_RDWR);
	}
	catch (...)
	{
	}
	if (_reader.joinable()) _reader.join();
}

void WatchStream::run(std::istream& in)
{
	bool clean = false;
	try
	{
		std::string line;
		while (std::getline(in, line))
		{
			if (line.empty()) continue;
			Object::Ptr event = Json::parseObject(line);
			std::lock_guard<std::mutex> lock(_mutex);
			_events.push_back(event);
			_changed.notify_all();
		}
		clean = in.eof() && !in.bad();
	}
	catch (...)
	{
	}
	std::lock_guard<std::mutex> lock(_mutex);
	_ended = true;
	_clean = clean;
	_changed.notify_all();
}

int WatchStream::status() const
{
	return _status;
}

Object::Ptr WatchStream::next(int timeoutMs)
{
	std::unique_lock<std::mutex> lock(_mutex);
	_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !_events.empty() || _ended; });
	if (_events.empty()) return nullptr;
	Object::Ptr event = _events.front();
	_events.pop_front();
	return event;
}

std::vector<Object::Ptr> WatchStream::collect(std::size_t count, int timeoutMs)
{
	std::vector<Object::Ptr> events;
	Poco::Timestamp start;
	while (events.size() < count)
	{
		const int left = timeoutMs - static_cast<int>(start.elapsed() / 1000);
		if (left <= 0) break;
		Object::Ptr event = next(left);
		if (!event) break;
		events.push_back(event);
	}
	return events;
}

bool WatchStream::waitEnded(int timeoutMs)
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return _ended; });
}

bool WatchStream::endedCleanly() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _ended && _clean;
}

bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
	return testcommon::waitUntil(condition, timeoutMs);
}

std::string objectType(const Object::Ptr& event)
{
	return Json::string(event, "type");
}

std::string eventName(const Object::Ptr& event)
{
	return Json::string(Json::object(Json::object(event, "object"), "metadata"), "name");
}

std::string eventResourceVersion(const Object::Ptr& event)
{
	return Json::string(Json::object(Json::object(event, "object"), "metadata"), "resourceVersion");
}

} } // namespace sbomop::kubesim
