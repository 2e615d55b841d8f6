//
// SyftOperatorStack.cpp
//

#include "SyftOperatorStack.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ResourceType.h"
#include "sbomop/targets/configmap/BrotliCodec.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

namespace sbomop {
namespace testing {

namespace {

const std::string WORK = std::string(SBOMOP_BINARY_DIR) + "/syftoperator-work/";
const std::string REGISTRY_SCRIPTS = std::string(SBOMOP_SOURCE_DIR) + "/tests/support/registry/";
const std::string SYFT_DOUBLE = std::string(SBOMOP_BINARY_DIR) + "/bin/syftdouble/syft";
const std::vector<std::string> REPOSITORIES = { "demo/debian", "demo/node", "demo/python" };

std::string fresh(const std::string& path)
{
	Poco::File file(path);
	if (file.exists()) file.remove(true);
	file.createDirectories();
	return path;
}

std::string base64Decode(const std::string& text)
{
	std::istringstream in(text);
	Poco::Base64Decoder decoder(in);
	std::string out;
	Poco::StreamCopier::copyToString(decoder, out);
	return out;
}

std::string hexOf(const std::string& digest)
{
	return digest.substr(digest.find(':') + 1);
}

} // namespace


std::string readFile(const std::string& path)
{
	try
	{
		Poco::FileInputStream in(path);
		std::string content;
		Poco::StreamCopier::copyToString(in, content);
		return content;
	}
	catch (const Poco::Exception&)
	{
		return "";
	}
}


void await(const ChildProcess& op, const std::string& what, const std::function<bool()>& condition, long timeoutMilliseconds)
{
	for (long waited = 0; !condition(); waited += 100)
	{
		if (waited >= timeoutMilliseconds) CPPUNIT_FAIL("timed out waiting for " + what + "\n" + op.out() + op.err());
		Poco::Thread::sleep(100);
	}
}


std::string httpGet(const ChildProcess& op, const std::string& path)
{
	const std::string log = op.err();
	const std::string marker = "serving /health, /readyz and /metrics on port ";
	const auto at = log.find(marker);
	if (at == std::string::npos) return "";
	Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(log.substr(at + marker.size()))));
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path);
	session.sendRequest(request);
	Poco::Net::HTTPResponse response;
	std::string body;
	Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
	return body;
}


RegistryServer::RegistryServer(const std::string& name, const std::string& user, const std::string& password, bool withImages):
	_dir(fresh(WORK + name)),
	_user(user),
	_password(password)
{
	const std::string started = script("start-registry.sh", { _dir, "0" });
	const std::string::size_type start = started.find("https://");
	if (start == std::string::npos) throw std::runtime_error("start-registry.sh printed no URL: " + started);
	_host = started.substr(start + 8, started.find(' ', start) - start - 8);
	if (!withImages) return;
	std::istringstream lines(script("build-images.sh", { _dir, _host }));
	std::string line;
	while (std::getline(lines, line))
	{
		// "pushed <host>/demo/debian:1.0 sha256:..."
		for (const auto& repository: REPOSITORIES)
		{
			if (line.find("/" + repository + ":1.0 ") != std::string::npos) _digests[repository] = line.substr(line.rfind(' ') + 1);
		}
	}
	if (_digests.size() != REPOSITORIES.size()) throw std::runtime_error("build-images.sh did not push the three demo images");
}


RegistryServer::~RegistryServer()
{
	try
	{
		script("stop-registry.sh", { _dir });
	}
	catch (const std::exception&)
	{
	}
}


std::string RegistryServer::script(const std::string& name, const std::vector<std::string>& args) const
{
	std::vector<std::string> argv = { REGISTRY_SCRIPTS + name };
	argv.insert(argv.end(), args.begin(), args.end());
	std::string out, err;
	const int rc = ChildProcess::run("/bin/bash", argv, { { "REGISTRY_USER", _user }, { "REGISTRY_PASSWORD", _password } }, out, err, 120000);
	if (rc != 0) throw std::runtime_error(name + " failed: " + out + err);
	return out;
}


const std::string& RegistryServer::host() const
{
	return _host;
}


std::string RegistryServer::caFile() const
{
	return _dir + "/certs/ca.crt";
}


std::string RegistryServer::certFile() const
{
	return _dir + "/certs/server.crt";
}


std::string RegistryServer::keyFile() const
{
	return _dir + "/certs/server.key";
}


std::string RegistryServer::digest(const std::string& repository) const
{
	auto it = _digests.find(repository);
	return it == _digests.end() ? "" : it->second;
}


int RegistryServer::skopeo(const std::vector<std::string>& args, std::string& out, std::string& error) const
{
	// The credentials reach skopeo through a private auth file, never argv.
	const std::string authFile = _dir + "/skopeo-auth.json";
	{
		std::ostringstream token;
		Poco::Base64Encoder encoder(token);
		encoder.rdbuf()->setLineLength(0);
		encoder << _user << ":" << _password;
		encoder.close();
		Poco::FileOutputStream file(authFile);
		file << "{\"auths\":{\"" << _host << "\":{\"auth\":\"" << token.str() << "\"}}}";
	}
	std::vector<std::string> argv = { args.front(), "--authfile", authFile };
	argv.insert(argv.end(), args.begin() + 1, args.end());
	const int rc = ChildProcess::run("skopeo", argv, {}, out, error, 60000);
	Poco::File(authFile).remove();
	return rc;
}


std::string RegistryServer::inspectRaw(const std::string& reference, std::string& error) const
{
	std::string out;
	const int rc = skopeo({ "inspect", "--raw", "--cert-dir", _dir + "/certs.d", "docker://" + _host + "/" + reference }, out, error);
	return rc == 0 ? out : "";
}


void RegistryServer::copyAsDockerImage(const std::string& from, const std::string& to)
{
	std::string out, error;
	const std::string certs = _dir + "/certs.d";
	if (skopeo({ "copy", "--format", "v2s2", "--src-cert-dir", certs, "--dest-cert-dir", certs,
		"docker://" + _host + "/" + from + ":1.0", "docker://" + _host + "/" + to + ":1.0" }, out, error) != 0)
	{
		throw std::runtime_error("skopeo copy failed: " + error);
	}
	if (skopeo({ "inspect", "--format", "{{.Digest}}", "--cert-dir", certs, "docker://" + _host + "/" + to + ":1.0" }, out, error) != 0)
	{
		throw std::runtime_error("skopeo inspect failed: " + error);
	}
	_digests[to] = Poco::trim(out);
}


std::vector<std::string> StackSettings::all() const
{
	return { pullPassword, gitPassword, dtrackKey, ociToken };
}


SyftOperatorStack::SyftOperatorStack(const std::string& name, const StackSettings& settings):
	_dir(fresh(WORK + name)),
	_settings(settings),
	_recordDir(fresh(_dir + "/syft-records")),
	_workRoot(fresh(_dir + "/tmp"))
{
	_harness.reset(new OperatorHarness);
	_images.reset(new RegistryServer(name + "-images", settings.pullUser, settings.pullPassword, true));
	_sboms.reset(new RegistryServer(name + "-sboms", settings.ociUser, settings.ociToken, false));
	GitServer::Options gitOptions;
	gitOptions.user = settings.gitUser;
	gitOptions.password = settings.gitPassword;
	gitOptions.tls = true;
	_git.reset(new GitServer("syftoperator-" + name, gitOptions));
	dtracksim::DtrackSimServer::Options dtrackOptions;
	dtrackOptions.apiKey = settings.dtrackKey;
	if (settings.dtrackTls)
	{
		dtrackOptions.tls = true;
		dtrackOptions.certFile = _sboms->certFile();
		dtrackOptions.keyFile = _sboms->keyFile();
	}
	_dtrack.reset(new dtracksim::DtrackSimServer(dtrackOptions));
	_dtrack->start();
	// The operator authenticates with a token of its own service account.
	const std::string kubeconfig = _harness->sim().serviceAccountKubeconfig("sbom-system", "sbom-operator");
	Poco::FileOutputStream(_dir + "/kubeconfig") << kubeconfig;
	::chmod((_dir + "/kubeconfig").c_str(), 0600);
	_kubeToken = Poco::JSON::Parser().parse(kubeconfig).extract<Poco::JSON::Object::Ptr>()
		->getArray("users")->getObject(0)->getObject("user")->getValue<std::string>("token");
	_harness->addNamespace("apps");
	_harness->addDockerConfigSecret("apps", "regcred", _images->host(), settings.pullUser, settings.pullPassword);
}


SyftOperatorStack::~SyftOperatorStack()
{
	_dtrack->stop();
}


OperatorHarness& SyftOperatorStack::harness()
{
	return *_harness;
}


RegistryServer& SyftOperatorStack::images()
{
	return *_images;
}


RegistryServer& SyftOperatorStack::sboms()
{
	return *_sboms;
}


GitServer& SyftOperatorStack::git()
{
	return *_git;
}


dtracksim::DtrackSimServer& SyftOperatorStack::dtrack()
{
	return *_dtrack;
}


const StackSettings& SyftOperatorStack::settings() const
{
	return _settings;
}


const std::string& SyftOperatorStack::kubeToken() const
{
	return _kubeToken;
}


ContainerSpec SyftOperatorStack::container(const std::string& name, const std::string& repository) const
{
	return { name, _images->host() + "/" + repository + ":1.0", imageId(repository), "container" };
}


std::string SyftOperatorStack::imageId(const std::string& repository) const
{
	return _images->host() + "/" + repository + "@" + _images->digest(repository);
}


std::string SyftOperatorStack::gitPath(const std::string& repository) const
{
	std::string path = imageId(repository);
	Poco::replaceInPlace(path, "@", "/");
	Poco::replaceInPlace(path, ":", "_");
	return "sboms/" + path + "/sbom.json";
}


std::string SyftOperatorStack::ociTag(const std::string& repository) const
{
	return "sboms:sha256-" + hexOf(_images->digest(repository)) + ".sbom";
}


std::vector<std::string> SyftOperatorStack::operatorArgs(const std::vector<std::string>& extra) const
{
	std::vector<std::string> args = {
		"--backend=syft", "--syft-path=" + SYFT_DOUBLE, "--kubeconfig=" + _dir + "/kubeconfig",
		"--health-port=0", "--verbosity=debug", "--targets=git,dtrack,oci,configmap", "--format=cyclonedxjson", "--format-version=1.6",
		"--kubernetes-cluster-id=e2e", "--leader-elect=false",
		"--git-repository=" + _git->url(), "--git-workingtree=" + _dir + "/worktree", "--git-path=sboms",
		"--git-username=" + _settings.gitUser, "--git-author-name=sbom-operator", "--git-author-email=sbom@example.com",
		"--git-ca-cert-file=" + _git->caFile(),
		"--dtrack-base-url=" + _dtrack->url(),
		"--oci-registry=" + _sboms->host() + "/sboms", "--oci-user=" + _settings.ociUser, "--oci-ca-cert-file=" + _sboms->caFile()
	};
	// Later values of a key win, so that a test can override any of the above.
	args.insert(args.end(), extra.begin(), extra.end());
	return args;
}


std::map<std::string, std::string> SyftOperatorStack::operatorEnvironment() const
{
	return {
		{ "POD_NAMESPACE", "sbom-system" },
		{ "SSL_CERT_FILE", _images->caFile() },
		{ "TMPDIR", _workRoot },
		{ "SYFT_DOUBLE_RECORD", _recordDir },
		{ "SBOM_GIT_PASSWORD", _settings.gitPassword },
		{ "SBOM_DTRACK_API_KEY", _settings.dtrackKey },
		{ "SBOM_OCI_TOKEN", _settings.ociToken }
	};
}


std::unique_ptr<ChildProcess> SyftOperatorStack::startOperator(const std::vector<std::string>& extra,
	const std::map<std::string, std::string>& extraEnvironment)
{
	auto environment = operatorEnvironment();
	for (const auto& entry: extraEnvironment) environment[entry.first] = entry.second;
	return std::unique_ptr<ChildProcess>(new ChildProcess(std::string(SBOMOP_BINARY_DIR) + "/bin/sbom-operator",
		operatorArgs(extra), environment));
}


const std::string& SyftOperatorStack::recordDir() const
{
	return _recordDir;
}


const std::string& SyftOperatorStack::workRoot() const
{
	return _workRoot;
}


std::vector<std::string> SyftOperatorStack::syftRecords(const std::string& suffix) const
{
	std::vector<std::string> records;
	for (Poco::DirectoryIterator it(_recordDir), end; it != end; ++it)
	{
		const std::string name = it.name();
		if (name.compare(0, 4, "run-") == 0 && Poco::endsWith(name, "." + suffix)) records.push_back(readFile(it->path()));
	}
	return records;
}


std::vector<std::string> SyftOperatorStack::syftRuns() const
{
	return syftRecords("args");
}


std::size_t SyftOperatorStack::syftRunsFor(const std::string& repository) const
{
	std::size_t count = 0;
	for (const auto& run: syftRuns())
	{
		if (run.find("registry:" + _images->host() + "/" + repository + "@") != std::string::npos) ++count;
	}
	return count;
}


std::string SyftOperatorStack::configMapSbom(const std::string& ns, const std::string& name)
{
	try
	{
		auto object = _harness->client().get(kube::ResourceType::CONFIGMAPS, ns, name);
		auto binary = object->getObject("binaryData");
		if (!binary || !binary->has("sbom")) return "";
		return targets::BrotliCodec::decompress(base64Decode(binary->getValue<std::string>("sbom")));
	}
	catch (const kube::NotFoundException&)
	{
		return "";
	}
}


bool SyftOperatorStack::configMapExists(const std::string& ns, const std::string& name)
{
	try
	{
		_harness->client().get(kube::ResourceType::CONFIGMAPS, ns, name);
		return true;
	}
	catch (const kube::NotFoundException&)
	{
		return false;
	}
}


std::string SyftOperatorStack::dtrackVersionOf(const std::string& repository) const
{
	for (const auto& project: _dtrack->projects())
	{
		if (project.hasTag("raw-image-id=" + imageId(repository)) && project.active) return project.version.value_or("");
	}
	return "";
}


} } // namespace sbomop::testing
