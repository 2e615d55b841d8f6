//
// SecretHygieneTest.cpp
//
// The operator handles registry passwords, git credentials, API keys and its
// own Kubernetes token. These tests run the real operator in syft mode at
// trace level, in text and JSON log format, with distinctive secrets, and
// search everything observable for them: its output, the Syft double's argv,
// kernel command line and environment, /metrics. They also check the
// temporary credential file's modes and removal, and that TLS is verified
// unless a per-target insecure switch (with a loud warning) says otherwise,
// for the Kubernetes API server too.
//

#include "SyftOperatorStack.h"
#include "common/Base64Text.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>
#include <sstream>

using sbomop::testing::ChildProcess;
using sbomop::testing::StackSettings;
using sbomop::testing::SyftOperatorStack;
using sbomop::testing::await;

namespace {

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

using sbomop::testcommon::base64;

// Every form in which a secret of the stack could leak.
std::vector<std::string> leakForms(const SyftOperatorStack& s)
{
	std::vector<std::string> forms = s.settings().all();
	forms.push_back(s.kubeToken());
	forms.push_back(base64(s.settings().pullUser + ":" + s.settings().pullPassword));
	forms.push_back(base64(s.settings().ociUser + ":" + s.settings().ociToken));
	forms.push_back(base64(s.settings().gitUser + ":" + s.settings().gitPassword));
	return forms;
}

void assertNoSecret(const SyftOperatorStack& s, const std::string& what, const std::string& text)
{
	for (const auto& secret: leakForms(s))
	{
		CPPUNIT_ASSERT_MESSAGE(what + " holds a secret (" + secret.substr(0, 3) + "...)", !contains(text, secret));
	}
}

// A line of the text log at level warn that mentions `text`.
bool hasWarning(const std::string& log, const std::string& text)
{
	std::istringstream lines(log);
	std::string line;
	while (std::getline(lines, line))
	{
		if (contains(line, " warn ") && contains(line, text)) return true;
	}
	return false;
}

std::size_t entries(const std::string& directory)
{
	std::size_t count = 0;
	for (Poco::DirectoryIterator it(directory), end; it != end; ++it) ++count;
	return count;
}

void addPods(SyftOperatorStack& s)
{
	s.harness().addPod("apps", "web", { s.container("web", "demo/node") }, {}, { "regcred" });
	s.harness().addPod("apps", "db", { s.container("db", "demo/debian") }, {}, { "regcred" });
}

// One --once cycle; returns its exit code, stdout + stderr in `log`.
int runOnce(SyftOperatorStack& s, const std::vector<std::string>& args, std::string& log,
	const std::map<std::string, std::string>& environment = {})
{
	std::vector<std::string> all = args;
	all.push_back("--once");
	auto op = s.startOperator(all, environment);
	const int code = op->wait(120000);
	log = op->out() + op->err();
	return code;
}

} // namespace

class SecretHygieneTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SecretHygieneTest);
	CPPUNIT_TEST(testSyftModeLeaksNoSecretInLogsArgvEnvironmentOrMetrics);
	CPPUNIT_TEST(testFailedScanMessagesAreMasked);
	CPPUNIT_TEST(testTlsIsVerifiedUnlessAnInsecureSwitchWarnsLoudly);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSyftModeLeaksNoSecretInLogsArgvEnvironmentOrMetrics()
	{
		SyftOperatorStack s("hygiene");
		addPods(s);

		// Text log, trace level, long-running: logs and /metrics while it runs.
		auto op = s.startOperator({ "--verbosity=trace" });
		await(*op, "annotation of web", [&] { return s.harness().annotation("apps", "web", "web") == s.imageId("demo/node"); }, 90000);
		await(*op, "annotation of db", [&] { return s.harness().annotation("apps", "db", "db") == s.imageId("demo/debian"); }, 30000);
		CPPUNIT_ASSERT(op->waitForOutput("cycle", 1000));
		const std::string metrics = sbomop::testing::httpGet(*op, "/metrics");
		CPPUNIT_ASSERT_MESSAGE(metrics, contains(metrics, "sbomop_"));
		assertNoSecret(s, "/metrics", metrics);
		// The most verbose level the operator writes.
		CPPUNIT_ASSERT_MESSAGE(op->err(), contains(op->err(), " debug "));
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(15000));
		assertNoSecret(s, "text log", op->out() + op->err());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), entries(s.workRoot()));

		// JSON log, trace level, every image scanned again.
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, runOnce(s, { "--verbosity=trace", "--log-format=json", "--ignore-annotations" }, log));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "{\""));
		assertNoSecret(s, "JSON log", log);

		// What Syft saw: two runs per image, credentials only in the private config file.
		const auto args = s.syftRecords("args");
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), args.size());
		for (const auto& record: args)
		{
			CPPUNIT_ASSERT_MESSAGE(record, contains(record, "--- /proc/self/cmdline"));
			CPPUNIT_ASSERT_MESSAGE(record, contains(record, "registry:" + s.images().host()));
			assertNoSecret(s, "Syft argv and /proc/self/cmdline", record);
		}
		for (const auto& record: s.syftRecords("env")) assertNoSecret(s, "Syft environment", record);
		const auto configs = s.syftRecords("config");
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), configs.size());
		for (const auto& record: configs)
		{
			CPPUNIT_ASSERT_MESSAGE(record, contains(record, "mode=0600 dirmode=0700 "));
			CPPUNIT_ASSERT_MESSAGE("the credentials reach Syft through its config file", contains(record, s.settings().pullPassword));
		}
		// Every scan workspace (config file, TMPDIR, output) is gone.
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), entries(s.workRoot()));
	}

	void testFailedScanMessagesAreMasked()
	{
		SyftOperatorStack s("hygiene-fail");
		addPods(s);
		std::string log;
		// The double quotes the configured password in its error message.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 1, runOnce(s, { "--verbosity=trace" }, log, { { "SYFT_DOUBLE_MODE", "fail" } }));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "no SBOM for " + s.imageId("demo/node")));
		// Syft's own message survives, with the password masked.
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "with username " + s.settings().pullUser + " and password ***"));
		assertNoSecret(s, "log of failed scans", log);
		CPPUNIT_ASSERT_EQUAL(std::string(""), s.harness().annotation("apps", "web", "web"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), entries(s.workRoot()));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), s.syftRecords("config").size());
	}

	void testTlsIsVerifiedUnlessAnInsecureSwitchWarnsLoudly()
	{
		StackSettings settings;
		settings.dtrackTls = true;
		SyftOperatorStack s("hygiene-tls", settings);
		addPods(s);
		std::string log;

		// Dependency-Track over HTTPS with a certificate nothing trusts.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 1, runOnce(s, {}, log));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "not stored: dtrack: "));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "certificate verify failed"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), s.harness().annotation("apps", "web", "web"));
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, "insecure"));

		// The OCI registry without its CA file: the system CAs do not know it.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 1, runOnce(s, { "--dtrack-insecure-skip-tls-verify=true", "--oci-ca-cert-file=" }, log));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "not stored: oci: ") && contains(log, "certificate verify failed"));
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, "not stored: dtrack") && !contains(log, "; dtrack: "));
		CPPUNIT_ASSERT_EQUAL(std::string(""), s.harness().annotation("apps", "web", "web"));

		// The git server without its CA file.
		CPPUNIT_ASSERT_MESSAGE(log, runOnce(s, { "--dtrack-insecure-skip-tls-verify=true", "--git-ca-cert-file=" }, log) != 0);
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "not stored: git: ") && contains(log, "certificate is not correctly signed"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), s.harness().annotation("apps", "web", "web"));

		// The API server with a kubeconfig whose CA did not sign its certificate.
		Poco::TemporaryFile kubeconfig;
		{
			auto config = Poco::JSON::Parser().parse(s.harness().sim().serviceAccountKubeconfig("sbom-system", "sbom-operator"))
				.extract<Poco::JSON::Object::Ptr>();
			config->getArray("clusters")->getObject(0)->getObject("cluster")->set("certificate-authority-data",
				base64(sbomop::testing::readFile(s.images().caFile())));
			Poco::FileOutputStream out(kubeconfig.path());
			config->stringify(out);
		}
		auto op = s.startOperator({ "--kubeconfig=" + kubeconfig.path(), "--once" });
		CPPUNIT_ASSERT_MESSAGE(op->err(), op->waitForOutput("certificate verify failed", 30000));
		op->signal(SIGTERM);
		op->wait(15000);
		CPPUNIT_ASSERT_EQUAL(std::string(""), s.harness().annotation("apps", "web", "web"));

		// The insecure switches work, each with a warning naming its target.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, runOnce(s, { "--dtrack-insecure-skip-tls-verify=true", "--oci-ca-cert-file=",
			"--oci-insecure-skip-tls-verify=true", "--git-ca-cert-file=", "--git-insecure-skip-tls-verify=true" }, log));
		CPPUNIT_ASSERT_EQUAL(s.imageId("demo/node"), s.harness().annotation("apps", "web", "web"));
		for (const std::string key: { "dtrack-insecure-skip-tls-verify", "oci-insecure-skip-tls-verify", "git-insecure-skip-tls-verify" })
		{
			CPPUNIT_ASSERT_MESSAGE(key + "\n" + log, hasWarning(log, key));
		}
		assertNoSecret(s, "log", log);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SecretHygieneTest, "SecretHygiene");
