//
// KubeClientSessionPool.cpp
//

#include "KubeClientSessionPool.h"
#include "KubeClientTls.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <sys/socket.h>

namespace sbomop {
namespace kube {

namespace
{
	template <class Base>
	class PooledSession: public KubeClientSessionPool::Session, public Base
		/// Poco's session reconnects on its own inside sendRequest(); this one
		/// connects in open() instead, so callers can tell "could not connect"
		/// (safe to retry any request) from "connection broke after sending".
	{
	public:
		template <typename... Args>
		PooledSession(const std::string& tlsServerName, Args&&... args):
			Base(std::forward<Args>(args)...),
			_tlsServerName(tlsServerName)
		{
		}

		Poco::Net::HTTPClientSession& http() override
		{
			return *this;
		}

		void open() override
		{
			if (this->connected()) return;
			if (!_tlsServerName.empty())
			{
				Poco::Net::SecureStreamSocket secure(this->socket());
				secure.setPeerHostName(_tlsServerName);
			}
			this->reconnect();
		}

	protected:
		bool mustReconnect() const override
		{
			// Idle expiry and "Connection: close" are handled by the pool.
			return false;
		}

	private:
		std::string _tlsServerName;
	};
}

KubeClientSessionPool::Session::~Session() = default;

void KubeClientSessionPool::Session::abortConnection()
{
	// shutdown(2) on the descriptor is safe while another thread reads from
	// it; Poco's close()/SSL shutdown are not.
	Poco::Net::SocketImpl* impl = http().socket().impl();
	if (impl && impl->initialized()) ::shutdown(impl->sockfd(), SHUT_RDWR);
}

KubeClientSessionPool::KubeClientSessionPool(const ClusterConnection& connection, const KubeClientSettings& settings):
	_connection(connection),
	_settings(settings),
	_host(connection.host()),
	_port(connection.port()),
	_secure(connection.scheme() == "https"),
	_clock(settings.clock ? settings.clock : KubeClientClock::system()),
	_logger(Poco::Logger::get("sbomop.kube.client"))
{
	if (_secure) _context = KubeClientTls::createContext(_connection, false);
}

KubeClientSessionPool::~KubeClientSessionPool() = default;

std::unique_ptr<KubeClientSessionPool::Session> KubeClientSessionPool::createSession()
{
	std::unique_ptr<Session> session;
	if (_secure)
	{
		std::lock_guard<std::mutex> lock(_mutex);
		session = std::make_unique<PooledSession<Poco::Net::HTTPSClientSession>>(
			_connection.tlsServerName, _host, _port, _context);
	}
	else
	{
		session = std::make_unique<PooledSession<Poco::Net::HTTPClientSession>>("", _host, _port);
	}
	session->http().setKeepAlive(true);
	session->http().setTimeout(_settings.connectTimeout, _settings.requestTimeout, _settings.requestTimeout);
	return session;
}

std::unique_ptr<KubeClientSessionPool::Session> KubeClientSessionPool::acquire()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		const Poco::Timespan::TimeDiff now = _clock->now();
		while (!_idle.empty())
		{
			std::unique_ptr<Session> session = std::move(_idle.back());
			_idle.pop_back();
			if (now - session->idleSince > _settings.idleConnectionTimeout.totalMicroseconds()) continue;
			// An idle keep-alive socket only becomes readable when the server
			// closed it (or sent garbage): either way it cannot be reused.
			try
			{
				if (session->http().socket().poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) continue;
			}
			catch (Poco::Exception&)
			{
				continue;
			}
			session->http().setTimeout(_settings.connectTimeout, _settings.requestTimeout, _settings.requestTimeout);
			return session;
		}
	}
	return createSession();
}

void KubeClientSessionPool::release(std::unique_ptr<Session> session)
{
	if (!session || !session->http().connected()) return;
	std::lock_guard<std::mutex> lock(_mutex);
	if (_idle.size() >= _settings.maxIdleConnections) return;
	session->idleSince = _clock->now();
	_idle.push_back(std::move(session));
}

bool KubeClientSessionPool::reloadTls()
{
	if (!_secure || _connection.certificateAuthorityFile.empty()) return false;
	Poco::Net::Context::Ptr context;
	try
	{
		context = KubeClientTls::createContext(_connection, true);
	}
	catch (Poco::Exception& e)
	{
		_logger.warning("Cannot reload the cluster CA: %s", e.displayText());
		return false;
	}
	std::vector<std::unique_ptr<Session>> dropped;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_context = context;
		dropped.swap(_idle);
	}
	_logger.information("Reloaded the cluster CA from %s", _connection.certificateAuthorityFile);
	return true;
}

bool KubeClientSessionPool::secure() const
{
	return _secure;
}

} } // namespace sbomop::kube
