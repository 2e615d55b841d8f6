//
// LeaderElector.h
//
// Leader election through a coordination.k8s.io/v1 Lease with client-go's
// semantics (tools/leaderelection): acquire, renew, observe with the local
// clock, give up after the renew deadline, release on stop.
//

#ifndef SBOMOP_Election_LeaderElector_INCLUDED
#define SBOMOP_Election_LeaderElector_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/election/LeaderElectionConfig.h"
#include "sbomop/election/LeaseLock.h"
#include "sbomop/election/LeaseRecord.h"
#include "sbomop/kube/KubeClient.h"
#include <Poco/Logger.h>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>

namespace sbomop {
namespace http { class MetricsRegistry; class Gauge; class Counter; }
namespace election {

class SBOMOP_API LeaderElector
	/// Competes for the Lease `config.leaseNamespace/config.leaseName` on a
	/// background thread once start() is called:
	///
	///   * Candidate: every retryPeriod (plus up to JITTER_FACTOR x retryPeriod
	///     of random jitter) it reads the Lease. A missing Lease is created
	///     (holderIdentity = identity, acquireTime = renewTime = now,
	///     leaseTransitions 0). A Lease held by another identity is valid as
	///     long as it changed within its leaseDurationSeconds, measured by this
	///     process's monotonic clock from the moment this elector saw the
	///     record change (remote timestamps are never compared with the local
	///     clock). A released (holderIdentity empty) or expired Lease is taken
	///     over by a PUT carrying the resourceVersion read, with
	///     acquireTime = now and leaseTransitions + 1. Conflicts (409) mean
	///     another replica won: the elector tries again next period.
	///   * Leader: every retryPeriod it PUTs the Lease it holds with a new
	///     renewTime (falling back to a read when that fails). If no renewal
	///     succeeds within renewDeadline of the last successful one, or the
	///     Lease turns out to be held by someone else, leadership is lost.
	///     A watchdog thread enforces the deadline even while a request hangs,
	///     so the loss is reported renewDeadline after the last successful
	///     renewal was sent, which is before the lease can expire for anyone.
	///   * Lost is final: the elector stops competing; the process is expected
	///     to stop its work and exit.
	///
	/// Callbacks run on the elector's threads, never two at a time; they must
	/// return quickly and must not call stop(). All public members are
	/// thread-safe. The client should come from clientSettings() so that a
	/// request never outlives the renew deadline by much.
	///
	/// Metrics (when a registry is given): `sbomop_leader` (1 while leading)
	/// and `sbomop_leader_transitions_total` (times this replica became the
	/// leader or lost leadership).
{
public:
	using Clock = std::chrono::steady_clock;

	enum class State
	{
		IDLE,       /// not started
		CANDIDATE,  /// trying to acquire
		LEADING,    /// holds the lease
		LOST,       /// was leading and could not renew; final
		STOPPED     /// stop() was called; final
	};

	struct Callbacks
	{
		std::function<void()> onStartedLeading;
			/// This replica acquired the lease.
		std::function<void(const std::string& reason)> onLostLeadership;
			/// This replica was leading and lost the lease (not called by stop()).
		std::function<void(const std::string& identity)> onNewLeader;
			/// The observed holder changed ("" when the lease was released).
	};

	LeaderElector(kube::KubeClient::Ptr client, const LeaderElectionConfig& config, Callbacks callbacks = Callbacks(),
		http::MetricsRegistry* metrics = nullptr);
		/// Validates `config` (throws config::ConfigException) and registers
		/// the metrics in `metrics`, which must outlive the elector.

	~LeaderElector();
		/// Calls stop().

	LeaderElector(const LeaderElector&) = delete;
	LeaderElector& operator = (const LeaderElector&) = delete;

	void start();
		/// Starts competing. Throws Poco::IllegalStateException when called twice.

	void stop();
		/// Stops competing and waits for the threads (at most about one
		/// request timeout). A leader then releases the lease when
		/// config.releaseOnCancel is set: holderIdentity "", leaseDurationSeconds
		/// 1, fresh times, leaseTransitions kept. Call it only after the
		/// leader's work has stopped. Idempotent.

	bool waitForLeadership(StopToken& cancel);
		/// Blocks until this replica leads (true), or until `cancel` is
		/// stopped or the elector stops or loses (false).

	bool waitForState(State state, long milliseconds) const;
		/// Waits up to `milliseconds` for state() to become `state`.

	State state() const;
	bool isLeader() const;
		/// state() == LEADING.

	std::string observedHolder() const;
		/// The holderIdentity of the last record seen ("" if none).

	LeaseRecord observedRecord() const;
		/// The last record seen or written.

	Clock::time_point lastRenewal() const;
		/// When the last successful acquisition or renewal was sent, by the
		/// monotonic clock (epoch value before the first one).

	Clock::time_point lostAt() const;
		/// When leadership was lost (epoch value unless state() is LOST).

	const std::string& identity() const;
	const LeaderElectionConfig& config() const;

	static kube::KubeClientSettings clientSettings(const LeaderElectionConfig& config,
		kube::KubeClientSettings base = kube::KubeClientSettings());
		/// `base` tuned for election requests: one attempt each (the elector
		/// retries itself every retryPeriod), no client-side rate limit, and
		/// connect and request timeouts no longer than the renew deadline.

private:
	void run();
	void watchdog();
	bool tryAcquireOrRenew();
	bool tryUpdate(const LeaseRecord& record, Clock::time_point sent);
	void observe(const LeaseRecord& record, Clock::time_point at);
	bool leaseValid(Clock::time_point now) const;
	bool observedByMe() const;
	void becomeLeader();
	void loseLeadership(const std::string& reason);
	void release();
	void setState(State state);
	bool sleep(Clock::duration duration);
	Clock::duration jitteredRetryPeriod();
	void notify(const std::function<void()>& callback);

	kube::KubeClient::Ptr _client;
	const LeaderElectionConfig _config;
	const Callbacks _callbacks;
	LeaseLock _lock;
	Poco::Logger& _logger;
	http::Gauge* _leaderGauge;
	http::Counter* _transitions;

	mutable std::mutex _mutex;
	mutable std::condition_variable _changed;
	State _state;
	bool _stopping;
	LeaseRecord _observed;
	Clock::time_point _observedTime;
	Clock::time_point _lastRenewal;
	Clock::time_point _lostAt;
	std::mutex _callbackMutex;
	std::mt19937 _random;
	std::thread _worker;
	std::thread _watchdog;
};

} } // namespace sbomop::election

#endif // SBOMOP_Election_LeaderElector_INCLUDED
