//
// GitServer.h
//
// A real Git smart-HTTP server for the GitTarget suite (lighttpd + git
// http-backend, tests/support/git/start-git-server.sh), plus git CLI helpers
// to look at what arrived.
//

#ifndef SBOMOP_Tests_GitServer_INCLUDED
#define SBOMOP_Tests_GitServer_INCLUDED

#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class GitServer
{
public:
	struct Options
	{
		std::string user = "sbom";
		std::string password = "s3cret";
		std::string extraUser;
		std::string extraPassword;
		bool empty = false;   ///< no initial commit
		bool tls = false;     ///< HTTPS with a test CA (caFile())
	};

	explicit GitServer(const std::string& name, const Options& options);
		/// Starts a fresh server with its work folder below the build tree.
		/// Throws std::runtime_error when it does not start.
	GitServer(const std::string& name);
	~GitServer();
		/// Stops the server.

	const std::string& url() const;
		/// e.g. "http://127.0.0.1:<port>/git/sbom.git".
	std::string bareRepository() const;
	std::string caFile() const;
	std::string scratch(const std::string& name) const;
		/// A fresh (deleted) path below the server's work folder.

	std::string git(const std::vector<std::string>& args) const;
		/// `git --git-dir=<bare> <args>`; stdout, trimmed. Throws on failure.
	int commitCount() const;
		/// Commits on main of the bare repository (0 when it has none).
	std::string show(const std::string& path) const;
		/// Content of `path` at main in the bare repository; "" when absent.
	bool hasPath(const std::string& path) const;

	static std::string run(const std::vector<std::string>& args, const std::string& cwd = "");
		/// Runs git with `args` (in `cwd`); stdout. Throws on failure.

private:
	std::string _dir;
	std::string _url;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_GitServer_INCLUDED
