//
// KubectlHarness.h
//
// The kube-sim executable for kubectl cases: started over TLS with a token
// file and the kubeconfig it writes, in a fresh folder that also gives
// kubectl its own HOME and cache (no discovery cache leaks between cases).
//

#ifndef SBOMOP_KubeSimTest_KubectlHarness_INCLUDED
#define SBOMOP_KubeSimTest_KubectlHarness_INCLUDED

#include "SimClient.h"
#include <Poco/Pipe.h>
#include <Poco/Process.h>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class KubectlHarness
	/// One kube-sim process at a time. Not thread-safe.
{
public:
	struct Result
	{
		int exitCode = -1;
		std::string out;
		std::string err;
	};

	KubectlHarness();
	~KubectlHarness();
		/// Terminates kube-sim and removes the folder.

	bool available() const;
		/// True when kubectl is on PATH.

	bool skip(const std::string& what) const;
		/// True (after a SKIPPED line naming `what`) when kubectl is not on PATH.

	void start(const std::vector<std::string>& arguments = {}, const std::string& seed = "");
		/// Starts kube-sim with --tls, a token file, --ca-out, --kubeconfig-out,
		/// the `seed` list (JSON, when given) and `arguments`; waits for its
		/// "listening on" line.

	int terminate();
		/// SIGTERM to kube-sim; its exit code.

	Result kubectl(std::vector<std::string> arguments) const;
		/// Runs kubectl to the end (with --request-timeout=20s).

	Poco::ProcessHandle launchKubectl(std::vector<std::string> arguments, Poco::Pipe& out, Poco::Pipe& err) const;
		/// Starts kubectl in the background with stdout and stderr on the pipes.

	std::string write(const std::string& name, const std::string& content) const;
		/// A file in the case folder; returns its path.

	SimClient& client() const;
		/// Talks to the API port over TLS with the token.

	const std::string& folder() const;

private:
	KubectlHarness(const KubectlHarness&) = delete;
	KubectlHarness& operator = (const KubectlHarness&) = delete;

	std::vector<std::string> withCommonArguments(std::vector<std::string> arguments) const;
	Poco::Process::Env environment() const;

	std::string _kubectl;
	std::string _folder;
	std::unique_ptr<Poco::ProcessHandle> _process;
	std::unique_ptr<SimClient> _client;
	bool _sslInitialized;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSimTest_KubectlHarness_INCLUDED
