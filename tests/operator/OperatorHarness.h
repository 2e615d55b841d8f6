//
// OperatorHarness.h
//
// Runs the real `sbom-operator` executable with the scripted test backend
// against an in-process kube-sim over TLS, and gives tests the pieces to
// build pods, read what the backend received, and read back annotations.
//

#ifndef SBOMOP_Tests_OperatorHarness_INCLUDED
#define SBOMOP_Tests_OperatorHarness_INCLUDED

#include "ChildProcess.h"
#include "kubesim/KubeSimServer.h"
#include "sbomop/kube/KubeClient.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

struct ContainerSpec
{
	std::string name;
	std::string specImage;
	std::string imageID;
	std::string kind = "container";   ///< container, init or ephemeral
};

class OperatorHarness
{
public:
	OperatorHarness();
	~OperatorHarness();

	kubesim::KubeSimServer& sim();
	kube::KubeClient& client();

	void addNamespace(const std::string& name, const std::map<std::string, std::string>& labels = {});
	void addPod(const std::string& ns, const std::string& name, const std::vector<ContainerSpec>& containers,
		const std::map<std::string, std::string>& annotations = {}, const std::vector<std::string>& pullSecrets = {},
		const std::map<std::string, std::string>& labels = {});
	void addDockerConfigSecret(const std::string& ns, const std::string& name, const std::string& registry,
		const std::string& user, const std::string& password);
	std::map<std::string, std::string> annotations(const std::string& ns, const std::string& pod);
	std::string annotation(const std::string& ns, const std::string& pod, const std::string& container);

	std::unique_ptr<ChildProcess> start(const std::vector<std::string>& extraArgs);
		/// Starts the operator with the scripted backend; `--once` is not added.
	int runOnce(const std::vector<std::string>& extraArgs, std::string& log);
		/// Runs `--once` to completion and returns its exit code.

	std::vector<Poco::JSON::Object::Ptr> batches() const;
		/// What the backend received, one entry per cycle with images.
	std::size_t backendImages() const;
		/// Images over all batches.

	static int readyzStatus(const ChildProcess& op);
		/// The HTTP status of the operator's /readyz (it runs with
		/// --health-port=0 and logs the port it bound); -1 before it serves.

	static std::string digest(char fill);
		/// "sha256:" + 64 x fill.
	bool waitFor(const std::function<bool()>& condition, long timeoutMilliseconds);

private:
	std::string _dir;
	std::unique_ptr<kubesim::KubeSimServer> _sim;
	kube::KubeClient::Ptr _client;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_OperatorHarness_INCLUDED
