//
// GitServer.cpp
//

#include "GitServer.h"
#include "ChildProcess.h"
#include <Poco/File.h>
#include <Poco/String.h>
#include <stdexcept>

namespace sbomop {
namespace testing {

namespace {

const std::string SCRIPTS = std::string(SBOMOP_SOURCE_DIR) + "/tests/support/git/";

std::map<std::string, std::string> gitEnvironment()
{
	return {
		{ "GIT_TERMINAL_PROMPT", "0" },
		{ "GIT_CONFIG_NOSYSTEM", "1" },
		{ "HOME", std::string(SBOMOP_BINARY_DIR) + "/gittarget-work" },
		{ "GIT_AUTHOR_NAME", "Someone Else" },
		{ "GIT_AUTHOR_EMAIL", "else@example.com" },
		{ "GIT_COMMITTER_NAME", "Someone Else" },
		{ "GIT_COMMITTER_EMAIL", "else@example.com" }
	};
}

} // namespace


GitServer::GitServer(const std::string& name):
	GitServer(name, Options())
{
}


GitServer::GitServer(const std::string& name, const Options& options):
	_dir(std::string(SBOMOP_BINARY_DIR) + "/gittarget-work/" + name)
{
	Poco::File(_dir).createDirectories();
	std::map<std::string, std::string> env = {
		{ "GIT_SERVER_USER", options.user },
		{ "GIT_SERVER_PASSWORD", options.password },
		{ "GIT_SERVER_EXTRA_USER", options.extraUser },
		{ "GIT_SERVER_EXTRA_PASSWORD", options.extraPassword },
		{ "GIT_SERVER_EMPTY", options.empty ? "1" : "0" },
		{ "GIT_SERVER_TLS", options.tls ? "1" : "0" }
	};
	std::string out, err;
	int rc = ChildProcess::run("/bin/bash", { SCRIPTS + "start-git-server.sh", _dir, "0" }, env, out, err, 30000);
	if (rc != 0) throw std::runtime_error("start-git-server.sh failed: " + out + err);
	const std::string prefix = "git ";
	auto pos = out.rfind(prefix);
	if (pos == std::string::npos) throw std::runtime_error("start-git-server.sh printed no URL: " + out);
	_url = Poco::trim(out.substr(pos + prefix.size()));
}


GitServer::~GitServer()
{
	std::string out, err;
	ChildProcess::run("/bin/bash", { SCRIPTS + "stop-git-server.sh", _dir }, {}, out, err, 15000);
}


const std::string& GitServer::url() const
{
	return _url;
}


std::string GitServer::bareRepository() const
{
	return _dir + "/repos/sbom.git";
}


std::string GitServer::caFile() const
{
	return _dir + "/certs/ca.crt";
}


std::string GitServer::scratch(const std::string& name) const
{
	const std::string path = _dir + "/" + name;
	Poco::File file(path);
	if (file.exists()) file.remove(true);
	return path;
}


std::string GitServer::git(const std::vector<std::string>& args) const
{
	std::vector<std::string> all = { "--git-dir=" + bareRepository() };
	all.insert(all.end(), args.begin(), args.end());
	return run(all);
}


int GitServer::commitCount() const
{
	std::string out, err;
	int rc = ChildProcess::run("git", { "--git-dir=" + bareRepository(), "rev-list", "--count", "main" }, gitEnvironment(), out, err);
	return rc == 0 ? std::stoi(Poco::trim(out)) : 0;
}


std::string GitServer::show(const std::string& path) const
{
	std::string out, err;
	int rc = ChildProcess::run("git", { "--git-dir=" + bareRepository(), "show", "main:" + path }, gitEnvironment(), out, err);
	return rc == 0 ? out : "";
}


bool GitServer::hasPath(const std::string& path) const
{
	std::string out, err;
	return ChildProcess::run("git", { "--git-dir=" + bareRepository(), "cat-file", "-e", "main:" + path }, gitEnvironment(), out, err) == 0;
}


std::string GitServer::run(const std::vector<std::string>& args, const std::string& cwd)
{
	std::vector<std::string> all;
	if (!cwd.empty()) all = { "-C", cwd };
	all.insert(all.end(), args.begin(), args.end());
	std::string out, err;
	int rc = ChildProcess::run("git", all, gitEnvironment(), out, err);
	if (rc != 0) throw std::runtime_error("git " + Poco::cat(std::string(" "), all.begin(), all.end()) + " failed: " + err);
	return Poco::trim(out);
}

} } // namespace sbomop::testing
