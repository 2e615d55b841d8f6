//
// ElectionFixture.cpp
//

#include "ElectionFixture.h"
#include "common/Polling.h"
#include "common/TestLog.h"
#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ResourceType.h"
#include <algorithm>

namespace sbomop {
namespace election {
namespace test {

const std::string ElectionFixture::LEASE = "sbom-operator";
const std::string ElectionFixture::NAMESPACE = "default";

LeaderElector::Callbacks EventLog::callbacks(const std::string& identity)
{
	LeaderElector::Callbacks callbacks;
	callbacks.onStartedLeading = [this, identity] { add(identity + " started"); };
	callbacks.onLostLeadership = [this, identity](const std::string&) { add(identity + " lost"); };
	callbacks.onNewLeader = [this, identity](const std::string& holder) { add(identity + " sees " + holder); };
	return callbacks;
}

void EventLog::add(const std::string& line)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_lines.push_back(line);
}

std::vector<std::string> EventLog::lines() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _lines;
}

std::size_t EventLog::indexOf(const std::string& line) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto it = std::find(_lines.begin(), _lines.end(), line);
	return it == _lines.end() ? std::string::npos : static_cast<std::size_t>(it - _lines.begin());
}

ElectionFixture::ElectionFixture()
{
	testcommon::enableTestLogFromEnvironment();
	_sim.start();
}

ElectionFixture::~ElectionFixture()
{
	_sim.stop();
}

kubesim::KubeSimServer& ElectionFixture::sim()
{
	return _sim;
}

LeaderElectionConfig ElectionFixture::shortConfig(const std::string& identity)
{
	LeaderElectionConfig config;
	config.enabled = true;
	config.leaseName = LEASE;
	config.leaseNamespace = NAMESPACE;
	config.identity = identity;
	config.leaseDuration = Poco::Timespan(2, 0);
	config.renewDeadline = Poco::Timespan(1, 500000);
	config.retryPeriod = Poco::Timespan(0, 300000);
	return config;
}

kube::KubeClient::Ptr ElectionFixture::client(const LeaderElectionConfig& config) const
{
	kube::ClusterConnection connection;
	connection.server = _sim.url();
	connection.source = "test";
	return std::make_shared<kube::KubeClient>(connection, LeaderElector::clientSettings(config));
}

kube::KubeClient::Ptr ElectionFixture::plainClient() const
{
	kube::ClusterConnection connection;
	connection.server = _sim.url();
	connection.source = "test";
	kube::KubeClientSettings settings;
	settings.maxAttempts = 1;
	settings.qps = 0;
	return std::make_shared<kube::KubeClient>(connection, settings);
}

Poco::JSON::Object::Ptr ElectionFixture::lease() const
{
	try
	{
		return plainClient()->get(kube::ResourceType::LEASES, NAMESPACE, LEASE);
	}
	catch (kube::NotFoundException&)
	{
		return nullptr;
	}
}

LeaseRecord ElectionFixture::record() const
{
	auto object = lease();
	return object ? LeaseRecord::fromSpec(object->getObject("spec")) : LeaseRecord();
}

LeaseRecord ElectionFixture::leaseRecord(const std::string& holder, int leaseDurationSeconds,
	const std::string& acquireTime, const std::string& renewTime, int leaseTransitions)
{
	LeaseRecord record;
	record.holderIdentity = holder;
	record.leaseDurationSeconds = leaseDurationSeconds;
	record.acquireTime = acquireTime;
	record.renewTime = renewTime;
	record.leaseTransitions = leaseTransitions;
	return record;
}

void ElectionFixture::seedLease(const LeaseRecord& record)
{
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", LEASE);
	metadata->set("namespace", NAMESPACE);
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	object->set("apiVersion", "coordination.k8s.io/v1");
	object->set("kind", "Lease");
	object->set("metadata", metadata);
	object->set("spec", record.toSpec());
	_sim.seed(object);
}

bool ElectionFixture::waitFor(const std::function<bool()>& condition, long milliseconds)
{
	return testcommon::waitUntil(condition, milliseconds, 20);
}

} } } // namespace sbomop::election::test
