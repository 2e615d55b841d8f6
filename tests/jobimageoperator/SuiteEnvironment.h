//
// SuiteEnvironment.h
//
// What every JobImageOperator test shares, set up once per process: the
// required tools (checked, never skipped), trivy for the reference job, a
// real docker-registry with TLS and basic auth, and the three test images
// built and pushed into it (tests/support/registry).
//

#ifndef SBOMOP_Tests_SuiteEnvironment_INCLUDED
#define SBOMOP_Tests_SuiteEnvironment_INCLUDED

#include <map>
#include <string>

namespace sbomop {
namespace testing {

class SuiteEnvironment
	/// Not thread-safe: tests call it from the runner's one thread.
{
public:
	static SuiteEnvironment& instance();
		/// Sets the environment up on the first call; the registry is stopped
		/// when the process exits. Throws std::runtime_error naming the
		/// missing tool or the failed step (with its output), on this and
		/// every later call.

	~SuiteEnvironment();

	const std::string& workDir() const;
		/// A folder the job's sandbox can read (not under /tmp).
	const std::string& registryHost() const;
		/// "127.0.0.1:<port>".
	const std::string& registryUser() const;
	const std::string& registryPassword() const;
	const std::string& caFile() const;
		/// The registry's CA certificate.
	const std::string& trivy() const;
		/// The trivy binary (under /opt or /usr, visible in the sandbox).

	std::string reference(const std::string& repository) const;
		/// "<host>/<repository>:1.0", e.g. for "demo/node".
	std::string imageId(const std::string& repository) const;
		/// "<host>/<repository>@sha256:..." as a kubelet reports it.

private:
	SuiteEnvironment();
	SuiteEnvironment(const SuiteEnvironment&) = delete;
	SuiteEnvironment& operator = (const SuiteEnvironment&) = delete;

	void requireTools() const;
	void installTrivy();
	void startRegistry();
	void buildImages();
	void stopRegistry() const;
	std::string script(const std::string& name) const;

	std::string _workDir;
	std::string _registryDir;
	std::string _host;
	std::string _user;
	std::string _password;
	std::string _caFile;
	std::string _trivy;
	std::map<std::string, std::string> _digests;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_SuiteEnvironment_INCLUDED
