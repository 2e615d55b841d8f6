//
// SyftOperatorStack.h
//
// Everything the syft backend talks to, started for real on 127.0.0.1: a
// docker-registry (TLS + htpasswd) holding the demo images, a second one
// receiving the OCI artifacts, a git server (HTTPS + basic auth), the
// Dependency-Track double and kube-sim (in process, through OperatorHarness).
// Runs the real `sbom-operator --backend=syft` with the Syft double against
// them and reads back what each target holds.
//

#ifndef SBOMOP_Tests_SyftOperatorStack_INCLUDED
#define SBOMOP_Tests_SyftOperatorStack_INCLUDED

#include "ChildProcess.h"
#include "GitServer.h"
#include "OperatorHarness.h"
#include "dtrack/DtrackSimServer.h"
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class RegistryServer
	/// One docker-registry started by tests/support/registry/start-registry.sh
	/// with a single htpasswd user; stopped by the destructor.
{
public:
	RegistryServer(const std::string& name, const std::string& user, const std::string& password, bool withImages);
		/// Starts the registry; with `withImages` pushes demo/debian, demo/node
		/// and demo/python (build-images.sh). Throws std::runtime_error.
	~RegistryServer();

	const std::string& host() const;   ///< "127.0.0.1:<port>"
	std::string caFile() const;
	std::string certFile() const;      ///< the server certificate (also valid for 127.0.0.1 elsewhere)
	std::string keyFile() const;
	std::string digest(const std::string& repository) const;
		/// The digest of `<repository>:1.0`, e.g. for "demo/debian".
	std::string inspectRaw(const std::string& reference, std::string& error) const;
		/// `skopeo inspect --raw docker://<host>/<reference>` with the
		/// registry's credentials (from an auth file) and CA; "" on failure.
	void copyAsDockerImage(const std::string& from, const std::string& to);
		/// Copies `<from>:1.0` to `<to>:1.0` converted to a Docker v2
		/// manifest: the same content under a new digest (digest(to)).
		/// Throws std::runtime_error.

private:
	std::string script(const std::string& name, const std::vector<std::string>& args) const;
	int skopeo(const std::vector<std::string>& args, std::string& out, std::string& error) const;

	std::string _dir;
	std::string _user;
	std::string _password;
	std::string _host;
	std::map<std::string, std::string> _digests;
};

struct StackSettings
	/// Distinctive credentials, so that a leak of any of them can be found,
	/// and how Dependency-Track is served.
{
	std::string pullUser = "puller";
	std::string pullPassword = "PullPw-7f3a91-registry";
	std::string gitUser = "sbomgit";
	std::string gitPassword = "GitPw-c0ffee-42a1";
	std::string dtrackKey = "odt_DtrackKey5b9e77aa01";
	std::string ociUser = "sbomoci";
	std::string ociToken = "OciTok-91d2e4-artifact";
	bool dtrackTls = false;   ///< serve Dependency-Track over HTTPS (the SBOM registry's certificate)

	std::vector<std::string> all() const;
		/// The passwords, tokens and keys above.
};

class SyftOperatorStack
{
public:
	explicit SyftOperatorStack(const std::string& name, const StackSettings& settings = StackSettings());
		/// Starts every server, creates namespace "apps" with the pull secret
		/// "regcred" for the image registry. Throws std::runtime_error.
	~SyftOperatorStack();

	OperatorHarness& harness();
	RegistryServer& images();
	RegistryServer& sboms();
	GitServer& git();
	dtracksim::DtrackSimServer& dtrack();
	const StackSettings& settings() const;
	const std::string& kubeToken() const;
		/// The operator's bearer token for kube-sim (a minted service account token).

	ContainerSpec container(const std::string& name, const std::string& repository) const;
		/// A container running `<images host>/<repository>:1.0`.
	std::string imageId(const std::string& repository) const;
		/// `<images host>/<repository>@<digest>`.
	std::string gitPath(const std::string& repository) const;
		/// Where the git target stores that image's SBOM (Go operator layout, git-path "sboms").
	std::string ociTag(const std::string& repository) const;
		/// `sboms/<...>:sha256-<hex>.sbom` relative to the SBOM registry.

	std::vector<std::string> operatorArgs(const std::vector<std::string>& extra) const;
		/// The operator's arguments (no secrets: they go through SBOM_* variables).
	std::map<std::string, std::string> operatorEnvironment() const;
	std::unique_ptr<ChildProcess> startOperator(const std::vector<std::string>& extra = {},
		const std::map<std::string, std::string>& extraEnvironment = {});

	const std::string& recordDir() const;
		/// The Syft double's SYFT_DOUBLE_RECORD directory.
	const std::string& workRoot() const;
		/// The operator's TMPDIR, where scan workspaces are made.
	std::vector<std::string> syftRuns() const;
		/// The content of every run-<pid>.args the double recorded.
	std::vector<std::string> syftRecords(const std::string& suffix) const;
		/// Every run-<pid>.<suffix> file's content.
	std::size_t syftRunsFor(const std::string& repository) const;
		/// Recorded runs whose argv scans that repository.
	std::string configMapSbom(const std::string& ns, const std::string& name);
		/// The decompressed binaryData.sbom of a ConfigMap; "" when absent.
	bool configMapExists(const std::string& ns, const std::string& name);
	std::string dtrackVersionOf(const std::string& repository) const;
		/// Version of the project tagged raw-image-id=<imageId>; "" when none.

private:
	std::string _dir;
	StackSettings _settings;
	std::unique_ptr<OperatorHarness> _harness;
	std::unique_ptr<RegistryServer> _images;
	std::unique_ptr<RegistryServer> _sboms;
	std::unique_ptr<GitServer> _git;
	std::unique_ptr<dtracksim::DtrackSimServer> _dtrack;
	std::string _recordDir;
	std::string _workRoot;
	std::string _kubeToken;
};

std::string readFile(const std::string& path);
	/// The whole file; "" when it cannot be read.

void await(const ChildProcess& op, const std::string& what, const std::function<bool()>& condition, long timeoutMilliseconds);
	/// Polls `condition` until it holds; on timeout fails the running test
	/// with `what` and the operator's output as it is then.

std::string httpGet(const ChildProcess& op, const std::string& path);
	/// GET `path` from the operator's health server (the port it logged);
	/// the body, "" before it serves.

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_SyftOperatorStack_INCLUDED
