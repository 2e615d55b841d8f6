//
// LeaderElector.cpp
//

#include "sbomop/election/LeaderElector.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

namespace sbomop {
namespace election {

namespace {

LeaderElector::Clock::duration toDuration(const Poco::Timespan& span)
{
	return std::chrono::microseconds(span.totalMicroseconds());
}

} // namespace

LeaderElector::LeaderElector(kube::KubeClient::Ptr client, const LeaderElectionConfig& config, Callbacks callbacks,
	http::MetricsRegistry* metrics):
	_client(client),
	_config(config),
	_callbacks(std::move(callbacks)),
	_lock(client, config.leaseNamespace, config.leaseName),
	_logger(Poco::Logger::get("sbomop.election")),
	_leaderGauge(nullptr),
	_transitions(nullptr),
	_state(State::IDLE),
	_stopping(false),
	_random(std::random_device()())
{
	_config.validate();
	if (metrics)
	{
		_leaderGauge = &metrics->gauge("sbomop_leader", "1 while this replica holds the leader election lease, else 0.").labels();
		_transitions = &metrics->counter("sbomop_leader_transitions_total",
			"Times this replica became the leader or lost leadership.").labels();
		_leaderGauge->set(0);
	}
}

LeaderElector::~LeaderElector()
{
	stop();
}

void LeaderElector::start()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_state != State::IDLE) throw Poco::IllegalStateException("leader elector already started");
		_state = State::CANDIDATE;
	}
	_logger.information("leader election: %s competing for lease %s (lease duration %.3f s, renew deadline %.3f s, retry period %.3f s)",
		_config.identity, _lock.describe(), _config.leaseDuration.totalMicroseconds() / 1e6,
		_config.renewDeadline.totalMicroseconds() / 1e6, _config.retryPeriod.totalMicroseconds() / 1e6);
	_worker = std::thread([this] { run(); });
	_watchdog = std::thread([this] { watchdog(); });
}

void LeaderElector::stop()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_state == State::IDLE) _state = State::STOPPED;
		_stopping = true;
	}
	_changed.notify_all();
	if (_worker.joinable()) _worker.join();
	if (_watchdog.joinable()) _watchdog.join();
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_state != State::LOST) _state = State::STOPPED;
	}
	_changed.notify_all();
	if (_leaderGauge) _leaderGauge->set(0);
}

bool LeaderElector::waitForLeadership(StopToken& cancel)
{
	const std::size_t id = cancel.onStop([this]
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_changed.notify_all();
	});
	std::unique_lock<std::mutex> lock(_mutex);
	_changed.wait(lock, [&]
	{
		return _state != State::CANDIDATE || _stopping || cancel.stopRequested();
	});
	const bool leading = _state == State::LEADING && !cancel.stopRequested();
	lock.unlock();
	cancel.removeOnStop(id);
	return leading;
}

bool LeaderElector::waitForState(State state, long milliseconds) const
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _changed.wait_for(lock, std::chrono::milliseconds(milliseconds), [&] { return _state == state; });
}

LeaderElector::State LeaderElector::state() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _state;
}

bool LeaderElector::isLeader() const
{
	return state() == State::LEADING;
}

std::string LeaderElector::observedHolder() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _observed.holderIdentity;
}

LeaseRecord LeaderElector::observedRecord() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _observed;
}

LeaderElector::Clock::time_point LeaderElector::lastRenewal() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _lastRenewal;
}

LeaderElector::Clock::time_point LeaderElector::lostAt() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _lostAt;
}

const std::string& LeaderElector::identity() const
{
	return _config.identity;
}

const LeaderElectionConfig& LeaderElector::config() const
{
	return _config;
}

kube::KubeClientSettings LeaderElector::clientSettings(const LeaderElectionConfig& config, kube::KubeClientSettings base)
{
	base.maxAttempts = 1;
	base.qps = 0;
	if (base.requestTimeout > config.renewDeadline) base.requestTimeout = config.renewDeadline;
	if (base.connectTimeout > config.renewDeadline) base.connectTimeout = config.renewDeadline;
	return base;
}

void LeaderElector::run()
{
	while (!sleep(Clock::duration::zero()))
	{
		if (tryAcquireOrRenew())
		{
			becomeLeader();
			break;
		}
		if (sleep(jitteredRetryPeriod())) break;
	}
	while (state() == State::LEADING)
	{
		if (sleep(toDuration(_config.retryPeriod))) break;
		if (tryAcquireOrRenew()) continue;
		const std::string holder = observedHolder();
		// Someone else holds it now: waiting for the deadline would only
		// prolong the overlap.
		if (!holder.empty() && holder != _config.identity) loseLeadership("the lease is held by " + holder);
	}
	bool release = false;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		release = _stopping && _state == State::LEADING && _config.releaseOnCancel;
	}
	if (release) this->release();
}

void LeaderElector::watchdog()
{
	std::unique_lock<std::mutex> lock(_mutex);
	while (!_stopping && _state != State::LOST && _state != State::STOPPED)
	{
		if (_state != State::LEADING)
		{
			_changed.wait(lock);
			continue;
		}
		const Clock::time_point deadline = _lastRenewal + toDuration(_config.renewDeadline);
		if (Clock::now() >= deadline)
		{
			lock.unlock();
			loseLeadership("failed to renew the lease within the renew deadline");
			return;
		}
		_changed.wait_until(lock, deadline);
	}
}

bool LeaderElector::tryAcquireOrRenew()
{
	const Clock::time_point sent = Clock::now();
	const std::string now = LeaseRecord::microTime(Poco::Timestamp());
	LeaseRecord desired;
	desired.holderIdentity = _config.identity;
	desired.leaseDurationSeconds = _config.leaseDurationSeconds();
	desired.acquireTime = now;
	desired.renewTime = now;

	// The leader's fast path: write over the record it last wrote.
	LeaseRecord observed;
	bool fastPath = false;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		observed = _observed;
		fastPath = _state == State::LEADING && observedByMe() && leaseValid(sent);
	}
	if (fastPath)
	{
		desired.acquireTime = observed.acquireTime;
		desired.leaseTransitions = observed.leaseTransitions;
		if (tryUpdate(desired, sent)) return true;
	}

	std::optional<LeaseRecord> current;
	try
	{
		current = _lock.get();
	}
	catch (Poco::Exception& exc)
	{
		_logger.warning("leader election: cannot read lease %s: %s", _lock.describe(), exc.displayText());
		return false;
	}
	if (!current)
	{
		try
		{
			_lock.create(desired);
		}
		catch (kube::AlreadyExistsException&)
		{
			_logger.debug("leader election: another replica created lease %s first", _lock.describe());
			return false;
		}
		catch (Poco::Exception& exc)
		{
			_logger.warning("leader election: cannot create lease %s: %s", _lock.describe(), exc.displayText());
			return false;
		}
		observe(desired, sent);
		std::lock_guard<std::mutex> lock(_mutex);
		_lastRenewal = sent;
		return true;
	}

	observe(*current, Clock::now());
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_observed.holderIdentity.empty() && leaseValid(Clock::now()) && !observedByMe()) return false;
		if (observedByMe())
		{
			desired.acquireTime = current->acquireTime;
			desired.leaseTransitions = current->leaseTransitions;
		}
		else
		{
			desired.leaseTransitions = current->leaseTransitions + 1;
		}
	}
	return tryUpdate(desired, sent);
}

bool LeaderElector::tryUpdate(const LeaseRecord& record, Clock::time_point sent)
{
	try
	{
		_lock.update(record);
	}
	catch (kube::ConflictException&)
	{
		_logger.debug("leader election: lease %s changed concurrently", _lock.describe());
		return false;
	}
	catch (Poco::Exception& exc)
	{
		_logger.warning("leader election: cannot update lease %s: %s", _lock.describe(), exc.displayText());
		return false;
	}
	observe(record, sent);
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_lastRenewal = sent;
	}
	_changed.notify_all();
	return true;
}

void LeaderElector::observe(const LeaseRecord& record, Clock::time_point at)
{
	bool holderChanged = false;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (record == _observed) return;
		holderChanged = record.holderIdentity != _observed.holderIdentity;
		_observed = record;
		_observedTime = at;
	}
	if (!holderChanged) return;
	if (record.holderIdentity.empty()) _logger.information("leader election: lease %s was released", _lock.describe());
	else if (record.holderIdentity != _config.identity) _logger.information("leader election: %s leads", record.holderIdentity);
	if (_callbacks.onNewLeader) notify([this, &record] { _callbacks.onNewLeader(record.holderIdentity); });
}

bool LeaderElector::leaseValid(Clock::time_point now) const
{
	return _observedTime + std::chrono::seconds(_observed.leaseDurationSeconds) > now;
}

bool LeaderElector::observedByMe() const
{
	return _observed.holderIdentity == _config.identity;
}

void LeaderElector::becomeLeader()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		// A stop requested meanwhile still finds the lease held and releases it.
		_state = State::LEADING;
		// Under the lock: whoever sees the new state sees the metrics too.
		if (_leaderGauge) _leaderGauge->set(1);
		if (_transitions) _transitions->inc();
	}
	_changed.notify_all();
	_logger.information("leader election: %s became the leader (lease %s)", _config.identity, _lock.describe());
	if (_callbacks.onStartedLeading) notify(_callbacks.onStartedLeading);
}

void LeaderElector::loseLeadership(const std::string& reason)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_state != State::LEADING) return;
		_state = State::LOST;
		_lostAt = Clock::now();
		if (_leaderGauge) _leaderGauge->set(0);
		if (_transitions) _transitions->inc();
	}
	_changed.notify_all();
	_logger.error("leader election: %s lost leadership of lease %s: %s", _config.identity, _lock.describe(), reason);
	if (_callbacks.onLostLeadership) notify([this, &reason] { _callbacks.onLostLeadership(reason); });
}

void LeaderElector::release()
{
	LeaseRecord record;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		record.leaseTransitions = _observed.leaseTransitions;
	}
	const std::string now = LeaseRecord::microTime(Poco::Timestamp());
	record.leaseDurationSeconds = 1;
	record.acquireTime = now;
	record.renewTime = now;
	try
	{
		_lock.update(record);
		observe(record, Clock::now());
		_logger.information("leader election: %s released lease %s", _config.identity, _lock.describe());
	}
	catch (Poco::Exception& exc)
	{
		_logger.warning("leader election: cannot release lease %s: %s", _lock.describe(), exc.displayText());
	}
}

bool LeaderElector::sleep(Clock::duration duration)
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _changed.wait_for(lock, duration, [this] { return _stopping || _state == State::LOST; });
}

LeaderElector::Clock::duration LeaderElector::jitteredRetryPeriod()
{
	std::uniform_real_distribution<double> factor(0.0, LeaderElectionConfig::JITTER_FACTOR);
	const double micros = static_cast<double>(_config.retryPeriod.totalMicroseconds());
	return std::chrono::microseconds(static_cast<long long>(micros + micros * factor(_random)));
}

void LeaderElector::notify(const std::function<void()>& callback)
{
	std::lock_guard<std::mutex> lock(_callbackMutex);
	try
	{
		callback();
	}
	catch (Poco::Exception& exc)
	{
		_logger.error("leader election: callback failed: %s", exc.displayText());
	}
	catch (std::exception& exc)
	{
		_logger.error("leader election: callback failed: %s", std::string(exc.what()));
	}
}

} } // namespace sbomop::election
