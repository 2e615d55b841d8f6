//
// LeaderElectionConfig.cpp
//

#include "sbomop/election/LeaderElectionConfig.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/Settings.h"
#include <Poco/Environment.h>
#include <Poco/NumberFormatter.h>
#include <Poco/UUIDGenerator.h>

namespace sbomop {
namespace election {

using config::BuiltinKeys;

namespace {

std::string seconds(const Poco::Timespan& span)
{
	const double value = static_cast<double>(span.totalMicroseconds()) / 1e6;
	if (span.totalMicroseconds() % Poco::Timespan::SECONDS == 0) return Poco::NumberFormatter::format(span.totalSeconds()) + " s";
	return Poco::NumberFormatter::format(value, 3) + " s";
}

Poco::Timespan secondsSetting(const config::Settings& settings, const std::string& key)
{
	return Poco::Timespan(settings.getInt(key), 0);
}

} // namespace

void LeaderElectionConfig::validate() const
{
	if (leaseName.empty())
	{
		throw config::ConfigException(std::string("missing value for key '") + BuiltinKeys::LEADER_ELECT_LEASE_NAME + "': the lease needs a name");
	}
	if (identity.empty()) throw config::ConfigException("leader election needs a non-empty identity (POD_NAME)");
	if (retryPeriod <= 0)
	{
		throw config::ConfigException(std::string(BuiltinKeys::LEADER_ELECT_RETRY_PERIOD) + " must be positive");
	}
	if (renewDeadline >= leaseDuration)
	{
		throw config::ConfigException(std::string(BuiltinKeys::LEADER_ELECT_RENEW_DEADLINE) + " (" + seconds(renewDeadline)
			+ ") must be less than " + BuiltinKeys::LEADER_ELECT_LEASE_DURATION + " (" + seconds(leaseDuration)
			+ "): the leader must stop working before followers may take the lease over");
	}
	const Poco::Timespan jittered(static_cast<Poco::Timespan::TimeDiff>(static_cast<double>(retryPeriod.totalMicroseconds()) * JITTER_FACTOR));
	if (renewDeadline <= jittered)
	{
		throw config::ConfigException(std::string(BuiltinKeys::LEADER_ELECT_RETRY_PERIOD) + " (" + seconds(retryPeriod)
			+ ") must be less than " + BuiltinKeys::LEADER_ELECT_RENEW_DEADLINE + " (" + seconds(renewDeadline)
			+ ") divided by " + Poco::NumberFormatter::format(JITTER_FACTOR, 1) + ": the leader must be able to retry a failed renewal");
	}
}

int LeaderElectionConfig::leaseDurationSeconds() const
{
	const Poco::Timespan::TimeDiff micros = leaseDuration.totalMicroseconds();
	const Poco::Timespan::TimeDiff whole = (micros + Poco::Timespan::SECONDS - 1) / Poco::Timespan::SECONDS;
	return whole < 1 ? 1 : static_cast<int>(whole);
}

LeaderElectionConfig LeaderElectionConfig::fromSettings(const config::Settings& settings, bool inCluster)
{
	LeaderElectionConfig result;
	const std::string mode = settings.getString(BuiltinKeys::LEADER_ELECT);
	result.enabled = mode == "true" || (mode == "auto" && inCluster);
	result.leaseName = settings.getString(BuiltinKeys::LEADER_ELECT_LEASE_NAME);
	result.leaseDuration = secondsSetting(settings, BuiltinKeys::LEADER_ELECT_LEASE_DURATION);
	result.renewDeadline = secondsSetting(settings, BuiltinKeys::LEADER_ELECT_RENEW_DEADLINE);
	result.retryPeriod = secondsSetting(settings, BuiltinKeys::LEADER_ELECT_RETRY_PERIOD);
	result.identity = defaultIdentity();
	result.validate();
	return result;
}

std::string LeaderElectionConfig::defaultIdentity()
{
	const std::string podName = Poco::Environment::get("POD_NAME", "");
	if (!podName.empty()) return podName;
	// As client-go's examples: the hostname alone is not unique when several
	// replicas share a host (or a network namespace).
	const std::string suffix = Poco::UUIDGenerator::defaultGenerator().createRandom().toString().substr(0, 8);
	return Poco::Environment::nodeName() + "_" + suffix;
}

} } // namespace sbomop::election
