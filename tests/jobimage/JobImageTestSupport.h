//
// JobImageTestSupport.h
//
// Shared helpers of the JobImage suite: image tasks, configurations, an
// in-process kube-sim with an operator namespace, and a stand-in for the Job
// controller (kube-sim has none) that writes Job status conditions through
// the /status subresource, the way the real controller does.
//

#ifndef SBOMOP_Tests_JobImage_JobImageTestSupport_INCLUDED
#define SBOMOP_Tests_JobImage_JobImageTestSupport_INCLUDED

#include "kubesim/KubeSimServer.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/plugin/BackendTypes.h"
#include <Poco/AutoPtr.h>
#include <Poco/JSON/Object.h>
#include <Poco/Util/MapConfiguration.h>
#include <functional>
#include <future>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace jobimage {
namespace test {

extern const std::string OPERATOR_NAMESPACE;
	/// "sbom-system".

std::string digest(char hex);
	/// "sha256:" followed by 64 times `hex`.

plugin::ImageTask imageTask(const std::string& repository, char hex,
	const std::vector<std::pair<std::string, std::string>>& pods = {{"default", "web-1"}});
	/// A pending image `<repository>@sha256:<hex...>` run by one container
	/// "app" in each (namespace, pod) of `pods`; no credentials, no proxy.

Poco::AutoPtr<Poco::Util::MapConfiguration> configuration(const std::map<std::string, std::string>& values = {});
	/// job-image=registry.example.com/scanner:1.0 plus `values`.

Poco::JSON::Object::Ptr parse(const std::string& json);
	/// Parses a JSON object.

std::string stringify(const Poco::JSON::Object::Ptr& object);

bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds = 20000);
	/// Polls until `condition` holds; false after the timeout (a safety net
	/// against hanging tests, not a timing assertion).


template <class T>
class Background
	/// Runs `work` on another thread with its own StopToken. The destructor
	/// requests the stop and waits, so that a failed assertion cannot leave
	/// the test blocked on a wait that never ends.
{
public:
	explicit Background(const std::function<T(StopToken&)>& work):
		_future(std::async(std::launch::async, [this, work]() { return work(_stop); }))
	{
	}

	~Background()
	{
		_stop.requestStop();
		if (_future.valid()) _future.wait();
	}

	T get()
	{
		return _future.get();
	}

	StopToken& stop()
	{
		return _stop;
	}

private:
	StopToken _stop;   // declared first: constructed before the work starts
	std::future<T> _future;
};


class JobSim
	/// kube-sim on a free port with the namespaces "default" and
	/// OPERATOR_NAMESPACE, a KubeClient for it, and Job controller moves.
{
public:
	JobSim();
	~JobSim();

	kubesim::KubeSimServer& server();
	kube::KubeClient& client();

	std::vector<Poco::JSON::Object::Ptr> jobs() const;
	std::vector<Poco::JSON::Object::Ptr> secrets() const;
		/// All Jobs / Secrets in OPERATOR_NAMESPACE, by name.

	Poco::JSON::Object::Ptr job(const std::string& name) const;
	Poco::JSON::Object::Ptr secret(const std::string& name) const;
		/// The object, or null when it does not exist.

	Poco::JSON::Object::Ptr waitForJob(const std::function<bool(const Poco::JSON::Object::Ptr&)>& match = nullptr) const;
		/// The first Job (by name) matching `match` (any Job when null), once
		/// one exists. Throws Poco::TimeoutException after 20 s.

	std::vector<std::string> imageIdsOf(const Poco::JSON::Object::Ptr& job) const;
		/// The images in the image-config.json of the Job's Secret.

	void setStatus(const std::string& name, const std::vector<std::vector<std::string>>& conditions);
		/// Writes status.conditions (each {type, reason, message}, status
		/// "True") through the /status subresource.

	void complete(const std::string& name);
		/// startTime, SuccessCriteriaMet, then Complete (the 1.31+ sequence).

	void fail(const std::string& name, const std::string& reason, const std::string& message);
		/// FailureTarget, then Failed with `reason` and `message`.

	void deleteJob(const std::string& name);
		/// Deletes the Job as someone else would (Background).

	Poco::JSON::Object::Ptr create(const std::string& plural, const Poco::JSON::Object::Ptr& object);
		/// Creates an object directly in the store (no HTTP).

	Poco::JSON::Object::Ptr createPod(const std::string& ns, const std::string& name);
		/// A minimal Pod; returns it (with its uid).

private:
	std::vector<Poco::JSON::Object::Ptr> list(const std::string& plural) const;
	Poco::JSON::Object::Ptr get(const std::string& plural, const std::string& name) const;

	mutable kubesim::KubeSimServer _server;  // its store is thread-safe; reading it is logically const
	kube::KubeClient::Ptr _client;
};

} } } // namespace sbomop::jobimage::test

#endif // SBOMOP_Tests_JobImage_JobImageTestSupport_INCLUDED
