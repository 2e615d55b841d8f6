//
// HostProcessTest.cpp
//
// Runs the real `sbom-operator` executable: startup validation and exit codes,
// configuration precedence as seen from outside, the health and metrics
// endpoints, and a clean stop on SIGTERM. The cluster is a kubeconfig that
// points at a closed port, so the operator keeps retrying and never becomes
// ready, which is what these checks need.
//

#include "ChildProcess.h"
#include "../http/PrometheusTextParser.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigSchema.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>

using sbomop::testing::ChildProcess;

namespace {

const std::string OPERATOR = std::string(SBOMOP_BINARY_DIR) + "/bin/sbom-operator";
// The syft backend checks at startup that its Syft executable exists.
const std::string SYFT_PATH = "--syft-path=" + std::string(SBOMOP_BINARY_DIR) + "/bin/syftdouble/syft";

int freePort()
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	return socket.address().port();
}

std::string httpGet(int port, const std::string& path, int& status)
{
	Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path);
	session.sendRequest(request);
	Poco::Net::HTTPResponse response;
	std::istream& body = session.receiveResponse(response);
	std::string text;
	Poco::StreamCopier::copyToString(body, text);
	status = response.getStatus();
	return text;
}

std::size_t lineCount(const std::string& text)
{
	std::size_t lines = 0;
	for (char c: text) lines += c == '\n';
	return lines;
}

} // namespace

class HostProcessTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(HostProcessTest);
	CPPUNIT_TEST(testHelpListsEveryKeyWithItsDefault);
	CPPUNIT_TEST(testVersionPrintsVersionAndBuild);
	CPPUNIT_TEST(testInvalidIntegerExits78WithOneLineNamingTheKey);
	CPPUNIT_TEST(testUnknownKeyExits78WithSuggestion);
	CPPUNIT_TEST(testInvalidLabelSelectorExits78);
	CPPUNIT_TEST(testMissingTargetKeyExits78);
	CPPUNIT_TEST(testJobimageBackendRequiresJobImage);
	CPPUNIT_TEST(testMissingPluginExits78);
	CPPUNIT_TEST(testMissingSyftExecutableExits78);
	CPPUNIT_TEST(testMissingKubeconfigExits78);
	CPPUNIT_TEST(testFlagBeatsEnvironmentBeatsFile);
	CPPUNIT_TEST(testServesHealthReadinessAndMetrics);
	CPPUNIT_TEST(testSecretNeverLogged);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_dir = Poco::TemporaryFile::tempName();
		Poco::File(_dir).createDirectories();
		_kubeconfig = _dir + "/kubeconfig";
		// A server nobody listens on: the operator must keep retrying.
		Poco::FileOutputStream out(_kubeconfig);
		out << R"({"apiVersion":"v1","kind":"Config","current-context":"c",)"
			<< R"("clusters":[{"name":"k","cluster":{"server":"http://127.0.0.1:)" << freePort() << R"("}}],)"
			<< R"("users":[{"name":"u","user":{"token":"kube-token-do-not-log"}}],)"
			<< R"("contexts":[{"name":"c","context":{"cluster":"k","user":"u","namespace":"ops"}}]})";
	}

	void tearDown()
	{
		Poco::File(_dir).remove(true);
	}

	void testHelpListsEveryKeyWithItsDefault()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(0, ChildProcess::run(OPERATOR, { "--help" }, {}, out, err));
		const sbomop::config::ConfigSchema schema = sbomop::config::BuiltinKeys::schema();
		for (const auto& key: schema.keys())
		{
			const std::string option = key.isEnvOnly() ? key.envName() : "--" + key.name();
			CPPUNIT_ASSERT_MESSAGE(key.name(), out.find(option) != std::string::npos);
		}
		CPPUNIT_ASSERT(out.find("default: 3600") != std::string::npos);
		CPPUNIT_ASSERT(out.find("default: git") != std::string::npos);
	}

	void testVersionPrintsVersionAndBuild()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(0, ChildProcess::run(OPERATOR, { "--version" }, {}, out, err));
		CPPUNIT_ASSERT(out.find("sbom-operator 0.") == 0);
		CPPUNIT_ASSERT(out.find("plugin API: 1") != std::string::npos);
	}

	void testInvalidIntegerExits78WithOneLineNamingTheKey()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, { "--job-timeout=abc" }, {}, out, err));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lineCount(err));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator: invalid value \"abc\" for key 'job-timeout' (from --job-timeout): "
			"not an integer; allowed: integer from 1 to 2147483647 (seconds)\n"), err);
	}

	void testUnknownKeyExits78WithSuggestion()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, { "--job-timout=5" }, {}, out, err));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lineCount(err));
		CPPUNIT_ASSERT_MESSAGE(err, err.find("unknown key 'job-timout'") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(err, err.find("did you mean 'job-timeout'?") != std::string::npos);
	}

	void testInvalidLabelSelectorExits78()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, { "--pod-label-selector=a in (x", "--kubeconfig=" + _kubeconfig }, {}, out, err));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lineCount(err));
		CPPUNIT_ASSERT_MESSAGE(err, err.find("'pod-label-selector'") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(err, err.find("not a valid label selector") != std::string::npos);
	}

	void testMissingTargetKeyExits78()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, { "--targets=git", "--kubeconfig=" + _kubeconfig }, {}, out, err));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator: missing value for key 'git-repository': required by target git\n"), err);
	}

	void testJobimageBackendRequiresJobImage()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, { "--backend=jobimage", "--kubeconfig=" + _kubeconfig }, {}, out, err));
		CPPUNIT_ASSERT_MESSAGE(err, err.find("'job-image'") != std::string::npos);
	}

	void testMissingPluginExits78()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, { "--backend=nosuch" }, {}, out, err));
		CPPUNIT_ASSERT_MESSAGE(err, err.find("backend plugin 'nosuch' not found") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(err, err.find("syft") != std::string::npos);
	}

	void testMissingSyftExecutableExits78()
	{
		std::string out, err;
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, withGitTarget({ "--syft-path=/nonexistent/syft", "--kubeconfig=" + _kubeconfig }),
			{}, out, err));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lineCount(err));
		CPPUNIT_ASSERT_MESSAGE(err, err.find("'syft-path'") != std::string::npos);
	}

	void testMissingKubeconfigExits78()
	{
		std::string out, err;
		const std::string missing = _dir + "/no-such-kubeconfig";
		CPPUNIT_ASSERT_EQUAL(78, ChildProcess::run(OPERATOR, withGitTarget({ "--kubeconfig=" + missing, SYFT_PATH }), {}, out, err));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lineCount(err));
		CPPUNIT_ASSERT_MESSAGE(err, err.find(missing) != std::string::npos);
	}

	void testFlagBeatsEnvironmentBeatsFile()
	{
		const int filePort = freePort(), envPort = freePort(), flagPort = freePort();
		const std::string file = _dir + "/operator.properties";
		{
			Poco::FileOutputStream out(file);
			out << "health-port = " << filePort << "\nkubeconfig = " << _kubeconfig << "\n" << SYFT_PATH.substr(2) << "\n";
			for (const std::string& flag: withGitTarget({})) out << flag.substr(2, flag.find('=') - 2) << " = " << flag.substr(flag.find('=') + 1) << "\n";
		}
		const std::map<std::string, std::string> env = { { "SBOM_HEALTH_PORT", std::to_string(envPort) } };
		CPPUNIT_ASSERT_EQUAL(flagPort, boundPort({ "--config", file, "--health-port=" + std::to_string(flagPort) }, env));
		CPPUNIT_ASSERT_EQUAL(envPort, boundPort({ "--config", file }, env));
		CPPUNIT_ASSERT_EQUAL(filePort, boundPort({ "--config", file }, {}));
	}

	void testServesHealthReadinessAndMetrics()
	{
		const int port = freePort();
		ChildProcess host(OPERATOR, baseArgs(port));
		CPPUNIT_ASSERT_MESSAGE(host.err(), host.waitForOutput("serving /health", 10000));
		int status = 0;
		CPPUNIT_ASSERT_EQUAL(std::string("Running!"), httpGet(port, "/health", status));
		CPPUNIT_ASSERT_EQUAL(200, status);
		httpGet(port, "/readyz", status);
		CPPUNIT_ASSERT_EQUAL(503, status);
		// The API requests (all failing: nobody listens) are counted with code 0
		// once the controller has tried the first one.
		std::string metrics;
		for (int attempt = 0; attempt < 100 && metrics.find("sbomop_kube_api_requests_total{") == std::string::npos; ++attempt)
		{
			if (attempt > 0) Poco::Thread::sleep(100);
			metrics = httpGet(port, "/metrics", status);
			CPPUNIT_ASSERT_EQUAL(200, status);
		}
		const auto families = sbomop::http::PrometheusTextParser::parse(metrics);
		CPPUNIT_ASSERT(families.count("process_resident_memory_bytes") == 1);
		CPPUNIT_ASSERT(families.count("sbomop_build_info") == 1);
		CPPUNIT_ASSERT_MESSAGE(metrics, families.count("sbomop_kube_api_requests_total") == 1);
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("sbomop_kube_api_requests_total{verb=\"list\",resource=\"pods\",code=\"0\"}") != std::string::npos);
		httpGet(port, "/nothing", status);
		CPPUNIT_ASSERT_EQUAL(404, status);

		host.signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, host.wait(10000));
		CPPUNIT_ASSERT_MESSAGE(host.err(), host.err().find("stopped with exit code 0") != std::string::npos);
	}

	void testSecretNeverLogged()
	{
		const int port = freePort();
		std::vector<std::string> args = baseArgs(port);
		args.push_back("--verbosity=trace");
		args.push_back("--log-format=json");
		ChildProcess host(OPERATOR, args, { { "SBOM_GIT_ACCESS_TOKEN", "ghp-secret-token-1234" } });
		CPPUNIT_ASSERT(host.waitForOutput("serving /health", 10000));
		int status = 0;
		const std::string metrics = httpGet(port, "/metrics", status);
		host.signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, host.wait(10000));
		for (const std::string secret: { "ghp-secret-token-1234", "kube-token-do-not-log" })
		{
			CPPUNIT_ASSERT_MESSAGE(secret, host.err().find(secret) == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(secret, host.out().find(secret) == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(secret, metrics.find(secret) == std::string::npos);
		}
	}

private:
	std::vector<std::string> baseArgs(int port) const
	{
		return withGitTarget({ "--health-port=" + std::to_string(port), "--kubeconfig=" + _kubeconfig, SYFT_PATH });
	}

	// `args` plus a complete configuration of the default target, git, with
	// a repository nobody serves and a working tree of this test's own.
	std::vector<std::string> withGitTarget(std::vector<std::string> args) const
	{
		for (const std::string flag: { "--git-repository=https://git.invalid/sboms.git", "--git-author-name=a",
			"--git-author-email=e@example.com" })
		{
			args.push_back(flag);
		}
		args.push_back("--git-workingtree=" + _dir + "/git");
		return args;
	}

	int boundPort(const std::vector<std::string>& args, const std::map<std::string, std::string>& env)
	{
		ChildProcess host(OPERATOR, args, env);
		CPPUNIT_ASSERT_MESSAGE(host.err(), host.waitForOutput("serving /health", 10000));
		const std::string log = host.err();
		host.signal(SIGTERM);
		host.wait(10000);
		const std::string marker = "on port ";
		const auto at = log.find(marker, log.find("serving /health"));
		return std::stoi(log.substr(at + marker.size()));
	}

	std::string _dir;
	std::string _kubeconfig;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HostProcessTest, "App");
