//
// KubeClientSessionPool.h
//
// Keep-alive HTTP(S) connections to one API server, shared by the threads of
// a KubeClient. Internal to libsbomop.
//

#ifndef SBOMOP_Kube_KubeClientSessionPool_INCLUDED
#define SBOMOP_Kube_KubeClientSessionPool_INCLUDED

#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeClientSettings.h"
#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <memory>
#include <mutex>
#include <vector>

namespace sbomop {
namespace kube {

class KubeClientSessionPool
	/// Hands out sessions to one server; a session is used by one thread at a
	/// time and given back with release() when its response was consumed.
	/// Idle sessions are reused unless they sat idle longer than
	/// `idleConnectionTimeout` or the server closed them meanwhile.
	/// Thread-safe.
{
public:
	class Session
		/// One connection. open() connects, so a failure there means the
		/// request was certainly not sent.
	{
	public:
		virtual ~Session();
		virtual Poco::Net::HTTPClientSession& http() = 0;
		virtual void open() = 0;
			/// Connects (TCP and TLS handshake) unless connected. Throws the
			/// Poco exception of the failure.
		void abortConnection();
			/// Shuts the socket down so that a read blocked in another thread
			/// returns; the session must not be reused afterwards.
		Poco::Timespan::TimeDiff idleSince = 0;
	};

	KubeClientSessionPool(const ClusterConnection& connection, const KubeClientSettings& settings);
		/// Throws KubeConfigException if the server URL or TLS material is invalid.

	~KubeClientSessionPool();

	std::unique_ptr<Session> acquire();
		/// An idle session or a new, unconnected one.

	void release(std::unique_ptr<Session> session);
		/// Keeps a connected session for reuse (dropped if the pool is full).

	bool reloadTls();
		/// Re-reads the CA file (CA rotation) and rebuilds the TLS context;
		/// idle sessions are dropped. Returns false if there is no CA file or
		/// it could not be used (the previous context stays).

	bool secure() const;

private:
	std::unique_ptr<Session> createSession();

	const ClusterConnection _connection;
	const KubeClientSettings _settings;
	const std::string _host;
	const Poco::UInt16 _port;
	const bool _secure;
	KubeClientClock::Ptr _clock;
	Poco::Logger& _logger;
	std::mutex _mutex;
	Poco::Net::Context::Ptr _context;
	std::vector<std::unique_ptr<Session>> _idle;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientSessionPool_INCLUDED
