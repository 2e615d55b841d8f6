//
// SimCluster.h
//
// An in-process kube-sim with helpers to change pods on the server side and
// to compare a Store with the server's truth, plus small test utilities
// (event recording, a fast sleeper, polling waits).
//

#ifndef SBOMOP_Tests_Runtime_SimCluster_INCLUDED
#define SBOMOP_Tests_Runtime_SimCluster_INCLUDED

#include "kubesim/KubeSimServer.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/runtime/ReflectorOptions.h"
#include "sbomop/runtime/ResourceEventHandler.h"
#include "sbomop/runtime/Store.h"
#include <Poco/Timespan.h>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace runtime {
namespace test {

using Labels = std::map<std::string, std::string>;
using VersionMap = std::map<std::string, std::string>;
	/// Object key -> resourceVersion.

class SimCluster
	/// Starts kube-sim on a free port; stops it when destroyed.
{
public:
	SimCluster();
	~SimCluster();

	kubesim::KubeSimServer& server();

	kube::KubeClient::Ptr client() const;
		/// testClient() of this kube-sim.

	void createNamespace(const std::string& name, const Labels& labels = Labels());
	void createPod(const std::string& ns, const std::string& name, const Labels& labels = Labels());
	void setPodLabel(const std::string& ns, const std::string& name, const std::string& key, const std::string& value);
	void deletePod(const std::string& ns, const std::string& name);

	VersionMap pods(const Labels& selector = Labels(), const std::string& ns = "");
		/// The server's pods matching every label of `selector` (and in `ns`
		/// unless empty).

private:
	kubesim::KubeSimServer _server;
};


kube::KubeClient::Ptr testClient(const std::string& server);
	/// A client of `server` that makes one attempt per request and has no
	/// rate limit, so the reflector's own recovery is what the tests see.

VersionMap versions(const Store<kube::PodInfo>& store);
	/// The store's content as key -> resourceVersion.


class EventRecorder
	/// Records handler calls as "add <key>", "update <key>", "delete <key>".
	/// Thread-safe.
{
public:
	ResourceEventHandler<kube::PodInfo> handler();
	std::vector<std::string> events() const;
	std::vector<std::string> eventsFrom(std::size_t index) const;
		/// events() without the first `index` entries.
	std::size_t count() const;
	void record(const std::string& event);

private:
	mutable std::mutex _mutex;
	std::vector<std::string> _events;
};


class RecordingSleeper
	/// A ReflectorOptions::Sleeper that records every requested delay but
	/// waits at most a few milliseconds, so backoff paths run fast.
	/// Thread-safe.
{
public:
	ReflectorOptions::Sleeper sleeper();
	std::vector<Poco::Timespan> delays() const;

private:
	mutable std::mutex _mutex;
	std::vector<Poco::Timespan> _delays;
};


bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds = 20000);
	/// Polls `condition` until it holds; false when it still does not after
	/// the timeout (a safety net against hanging tests, not a timing check).

std::vector<std::string> sorted(std::vector<std::string> values);

std::string join(const std::vector<std::string>& values);
	/// "a, b, c": vectors compared as strings give readable failure messages.

} } } // namespace sbomop::runtime::test

#endif // SBOMOP_Tests_Runtime_SimCluster_INCLUDED
