//
// ElectionFixture.h
//
// An in-process kube-sim plus helpers for the leader election tests: short
// durations, a client tuned like the operator's, the stored Lease, and a
// thread-safe log of elector callbacks.
//

#ifndef SBOMOP_Tests_ElectionFixture_INCLUDED
#define SBOMOP_Tests_ElectionFixture_INCLUDED

#include "kubesim/KubeSimServer.h"
#include "sbomop/election/LeaderElector.h"
#include "sbomop/kube/KubeClient.h"
#include <Poco/JSON/Object.h>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace election {
namespace test {

class EventLog
	/// Records "<identity> <event>" lines from any thread.
{
public:
	LeaderElector::Callbacks callbacks(const std::string& identity);
	void add(const std::string& line);
	std::vector<std::string> lines() const;
	std::size_t indexOf(const std::string& line) const;
		/// Position of the first equal line, or npos.

private:
	mutable std::mutex _mutex;
	std::vector<std::string> _lines;
};

class ElectionFixture
{
public:
	static const std::string LEASE;
	static const std::string NAMESPACE;

	ElectionFixture();
	~ElectionFixture();

	kubesim::KubeSimServer& sim();

	static LeaderElectionConfig shortConfig(const std::string& identity);
		/// Lease duration 2 s, renew deadline 1.5 s, retry period 0.3 s.

	kube::KubeClient::Ptr client(const LeaderElectionConfig& config) const;
		/// A client with LeaderElector::clientSettings().

	kube::KubeClient::Ptr plainClient() const;
		/// One attempt per request, 60 s request timeout.

	Poco::JSON::Object::Ptr lease() const;
		/// The stored Lease, or null.

	LeaseRecord record() const;
		/// The stored Lease's record (empty when there is none).

	static LeaseRecord leaseRecord(const std::string& holder, int leaseDurationSeconds,
		const std::string& acquireTime, const std::string& renewTime, int leaseTransitions);
		/// A record with these fields (times as MicroTime text).

	void seedLease(const LeaseRecord& record);
		/// Stores a Lease with this record, as if left by another replica.

	static bool waitFor(const std::function<bool()>& condition, long milliseconds);

private:
	kubesim::KubeSimServer _sim;
};

} } } // namespace sbomop::election::test

#endif // SBOMOP_Tests_ElectionFixture_INCLUDED
