//
// RealRegistryTest.cpp
//
// SyftRunner and the Syft test double against Debian's docker-registry with
// TLS and htpasswd authentication, holding small real OCI images
// (tests/support/registry/start-registry.sh and build-images.sh).
//

#include "SyftTestSupport.h"
#include "sbomop/syft/SyftRunner.h"
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <memory>
#include <sstream>

using namespace sbomop::testing;
using sbomop::StopToken;
using sbomop::registry::RegistryCredentials;
using sbomop::targets::SbomFormat;
using sbomop::syft::ScanResult;
using sbomop::syft::SyftRunner;

namespace
{
	const std::string SCRIPTS = std::string(SBOMOP_SOURCE_DIR) + "/tests/support/registry/";
	const std::string USER = "sbom";
	const std::string PASSWORD = "real \"registry\" pass: #1";

	int runScript(const std::string& script, const std::vector<std::string>& args, std::string& output)
	{
		Poco::Pipe outPipe;
		Poco::Process::Env env = { { "REGISTRY_USER", USER }, { "REGISTRY_PASSWORD", PASSWORD } };
		std::vector<std::string> argv = { SCRIPTS + script };
		argv.insert(argv.end(), args.begin(), args.end());
		Poco::ProcessHandle handle = Poco::Process::launch("/bin/bash", argv, "", nullptr, &outPipe, &outPipe, env);
		Poco::PipeInputStream in(outPipe);
		Poco::StreamCopier::copyToString(in, output);
		return handle.wait();
	}

	bool hasTool(const std::string& tool)
	{
		std::string output;
		Poco::Pipe outPipe;
		Poco::ProcessHandle handle = Poco::Process::launch("/bin/sh", { "-c", "command -v " + tool }, nullptr, &outPipe, &outPipe);
		Poco::PipeInputStream in(outPipe);
		Poco::StreamCopier::copyToString(in, output);
		return handle.wait() == 0;
	}

	// One registry for the whole fixture, stopped when the runner exits.
	class Registry
	{
	public:
		Registry()
		{
			for (const char* tool: { "docker-registry", "htpasswd", "umoci", "skopeo", "openssl", "curl" })
			{
				if (!hasTool(tool)) missing += std::string(missing.empty() ? "" : ", ") + tool;
			}
			if (!missing.empty()) return;
			std::string output;
			if (runScript("start-registry.sh", { dir.path(), "0" }, output) != 0) throw std::runtime_error("start-registry.sh failed: " + output);
			// "registry https://127.0.0.1:<port> ca=<file>"
			const std::string::size_type start = output.find("https://") + 8;
			host = output.substr(start, output.find(' ', start) - start);
			ca = dir.path() + "/certs/ca.crt";
			if (runScript("build-images.sh", { dir.path(), host }, output) != 0) throw std::runtime_error("build-images.sh failed: " + output);
			std::istringstream lines(output);
			std::string line;
			while (std::getline(lines, line))
			{
				// "pushed <host>/demo/debian:1.0 sha256:..."
				if (line.find("/demo/debian:1.0 ") != std::string::npos) debianDigest = line.substr(line.rfind(' ') + 1);
			}
		}

		~Registry()
		{
			if (!missing.empty()) return;
			std::string output;
			runScript("stop-registry.sh", { dir.path() }, output);
		}

		TempDir dir;
		std::string missing;
		std::string host;
		std::string ca;
		std::string debianDigest;
	};

	Registry& registry()
	{
		static Registry instance;
		return instance;
	}
}


class RealRegistryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RealRegistryTest);
	CPPUNIT_TEST(testScansARealImageOverVerifiedTls);
	CPPUNIT_TEST(testWrongPasswordIsRejectedByTheRegistry);
	CPPUNIT_TEST(testUntrustedRegistryCertificateFailsTheScan);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		if (!registry().missing.empty())
			std::cerr << "\n  RealRegistryTest needs " << registry().missing << ": checking nothing\n";
	}

	void testScansARealImageOverVerifiedTls()
	{
		if (!available()) return;
		CPPUNIT_ASSERT_EQUAL(std::size_t(71), registry().debianDigest.size());
		const ScanResult result = scan(PASSWORD, { { "SSL_CERT_FILE", registry().ca } });
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.message, ScanResult::SUCCEEDED, result.status);
		CPPUNIT_ASSERT(result.document.find("\"specVersion\": \"1.6\"") != std::string::npos);
		CPPUNIT_ASSERT(result.document.find("\"bom-ref\": \"" + registry().debianDigest + "\"") != std::string::npos);
		CPPUNIT_ASSERT(listDirectory(_work.path()).empty());
		// Syft's own CA setting, as a directory of certificates.
		const ScanResult viaSyftSetting = scan(PASSWORD, { { "SYFT_REGISTRY_CA_CERT", registry().dir.path() + "/certs.d" } });
		CPPUNIT_ASSERT_EQUAL_MESSAGE(viaSyftSetting.message, ScanResult::SUCCEEDED, viaSyftSetting.status);
	}

	void testWrongPasswordIsRejectedByTheRegistry()
	{
		if (!available()) return;
		const ScanResult result = scan("not-the-password", { { "SSL_CERT_FILE", registry().ca } });
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("UNAUTHORIZED: authentication required") != std::string::npos);
		CPPUNIT_ASSERT(result.message.find("not-the-password") == std::string::npos);
		CPPUNIT_ASSERT(listDirectory(_work.path()).empty());
	}

	void testUntrustedRegistryCertificateFailsTheScan()
	{
		if (!available()) return;
		const ScanResult result = scan(PASSWORD, { { "SSL_CERT_FILE", "/nonexistent/ca.crt" } });
		CPPUNIT_ASSERT_EQUAL(ScanResult::FAILED, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("certificate verify failed") != std::string::npos);
	}

private:
	static bool available()
	{
		return registry().missing.empty();
	}

	ScanResult scan(const std::string& password, const std::map<std::string, std::string>& environment)
	{
		SyftRunner::Options options;
		options.executable = doublePath();
		options.workRoot = _work.path();
		options.timeout = Poco::Timespan(30, 0);
		options.environment = doubleEnvironment("", environment);
		// Real TLS here: no plain-HTTP shortcut.
		options.environment.erase("SYFT_REGISTRY_INSECURE_USE_HTTP");
		const SyftRunner runner(options, SbomFormat::forName("cyclonedxjson"), "1.6");
		const std::string reference = registry().host + "/demo/debian@" + registry().debianDigest;
		StopToken cancel;
		return runner.scan(imageTask(reference, RegistryCredentials(registry().host, USER, password)), cancel);
	}

	TempDir _work;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RealRegistryTest, "Syft");
