//
// JobCluster.h
//
// One test's world for the jobimage backend: an in-process kube-sim over TLS
// whose kubelet runs job images in a bubblewrap sandbox, the in-process
// Dependency-Track double, pods that run the suite's registry images, and the
// real `sbom-operator` executable started against them. Reads back what
// happened: annotations, Jobs and Secrets (now and in kube-sim's history),
// request counts, Dependency-Track projects and the operator's /metrics.
//

#ifndef SBOMOP_Tests_JobCluster_INCLUDED
#define SBOMOP_Tests_JobCluster_INCLUDED

#include "ChildProcess.h"
#include "SuiteEnvironment.h"
#include "dtrack/DtrackSimServer.h"
#include "kubesim/KubeSimServer.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class JobCluster
	/// Not thread-safe.
{
public:
	static const std::string OPERATOR_NAMESPACE;
		/// "sbom-system": where the operator creates its Jobs and Secrets.
	static const std::string TRIVY_JOB;
		/// Job image that runs job-images/trivy/entrypoint.sh.
	static const std::string GATED_JOB;
		/// Job image that waits until openGate(), then runs the trivy entrypoint.
	static const std::string HANGING_JOB;
		/// Job image without a runner: its container runs until it is killed.
	static const std::string CLUSTER_ID;
		/// The operator's kubernetes-cluster-id.

	struct Container
	{
		std::string name;
		std::string repository;   ///< a suite image, e.g. "demo/node"
	};

	explicit JobCluster(const std::string& name);
		/// Sets up the suite environment (throws its errors), then starts
		/// kube-sim and the Dependency-Track double.
	~JobCluster();

	SuiteEnvironment& env();
	kubesim::KubeSimServer& sim();
	dtracksim::DtrackSimServer& dtrack();

	void addNamespace(const std::string& name);
	void addPullSecret(const std::string& ns, const std::string& name, const std::string& password);
		/// A kubernetes.io/dockerconfigjson Secret for the suite's registry.
	void addPod(const std::string& ns, const std::string& name, const std::vector<Container>& containers,
		const std::string& pullSecret);
		/// A running pod whose containers report the images' digests.

	std::unique_ptr<ChildProcess> startOperator(const std::vector<std::string>& args);
		/// Starts sbom-operator with `job-image` and the job's SBOM_JOB_*
		/// environment (Dependency-Track, registry CA, trivy, gate file).
	int runOnce(const std::vector<std::string>& args, std::string& log);
		/// startOperator(args + --once) to its end; the exit code.

	void openGate();
		/// Lets GATED_JOB containers go on (now and later).

	std::string annotation(const std::string& ns, const std::string& pod, const std::string& container);
		/// The pod's ckotzbauer.sbom-operator.io/<container> annotation, or "".

	std::vector<std::string> jobs();
	std::vector<std::string> secrets();
		/// Names of the Jobs / Secrets now in the operator's namespace.
	std::size_t operatorNamespacePods();
		/// Pods now in the operator's namespace (those of scan Jobs).
	Poco::JSON::Object::Ptr job(const std::string& name);
		/// The Job now, or null.
	std::uint64_t jobsCreated();
		/// POSTs of Jobs that kube-sim answered (create requests counted).
	std::vector<std::string> jobsEverCreated();
		/// Every Job name that ever appeared, from kube-sim's history.
	Poco::JSON::Array::Ptr imageConfigOf(const std::string& jobName);
		/// The image-config.json of the Secret the Job mounted, from history.

	std::string waitForRunningJob(long timeoutMilliseconds);
		/// Waits until a Job of the operator has an active pod; its name, or
		/// "" on timeout.

	std::uint64_t completedAt(const std::string& jobName);
		/// The resourceVersion at which the Job first had Complete=True (0 = never).
	std::uint64_t annotatedAt(const std::string& ns, const std::string& pod, const std::string& container);
		/// The resourceVersion at which the pod first carried its annotation (0 = never).

	static double metric(const ChildProcess& op, const std::string& series);
		/// The value of one exposition line of the operator's /metrics
		/// (`name{labels}` exactly as printed); throws when absent.

	static bool waitFor(const std::function<bool()>& condition, long timeoutMilliseconds);

private:
	std::vector<kubesim::StoreEvent> history(const std::string& plural);

	std::string _dir;
	std::string _gateFile;
	std::string _apiKey;
	std::unique_ptr<kubesim::KubeSimServer> _sim;
	std::unique_ptr<dtracksim::DtrackSimServer> _dtrack;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_JobCluster_INCLUDED
