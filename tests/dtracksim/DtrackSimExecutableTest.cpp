//
// DtrackSimExecutableTest.cpp
//
// The dtrack-sim executable as a job script uses it: started with a key
// file and a state directory, it prints "listening on <url>", takes a
// `curl -F` multipart upload, serves HTTPS with a given certificate and ends
// cleanly on SIGTERM. Secrets stay out of argv (key file, curl -H @file).
//

#include "dtrack/DtrackSimServer.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Object;

namespace
{
	const std::string API_KEY = "odt_executable_test_key";

	void writeFile(const std::string& path, const std::string& content)
	{
		Poco::FileOutputStream out(path);
		out << content;
	}

	std::string readFile(const std::string& path)
	{
		Poco::FileInputStream in(path);
		std::string content;
		Poco::StreamCopier::copyToString(in, content);
		return content;
	}

	struct Output
	{
		int exitCode = -1;
		std::string text;   // stdout and stderr
	};

	Output run(const std::string& command, const Poco::Process::Args& args)
	{
		Poco::Pipe out;
		Poco::ProcessHandle handle = Poco::Process::launch(command, args, nullptr, &out, &out);
		Poco::PipeInputStream in(out);
		Output result;
		Poco::StreamCopier::copyToString(in, result.text);
		result.exitCode = handle.wait();
		return result;
	}

	class SimProcess
		// A dtrack-sim child process; terminated by the destructor.
	{
	public:
		explicit SimProcess(const Poco::Process::Args& args):
			_handle(Poco::Process::launch(SBOMOP_BINARY_DIR "/bin/dtrack-sim", args, nullptr, &_out, &_out)),
			_in(_out)
		{
			std::getline(_in, _firstLine);
		}

		~SimProcess()
		{
			try
			{
				stop();
			}
			catch (...)
			{
			}
		}

		const std::string& firstLine() const
		{
			return _firstLine;
		}

		std::string url() const
		{
			const std::string prefix = "listening on ";
			CPPUNIT_ASSERT_MESSAGE(_firstLine, _firstLine.compare(0, prefix.size(), prefix) == 0);
			return _firstLine.substr(prefix.size());
		}

		int stop()
		{
			if (_exitCode < 0 && Poco::Process::isRunning(_handle)) Poco::Process::requestTermination(_handle.id());
			return wait();
		}

		int wait()
		{
			if (_exitCode < 0) _exitCode = _handle.wait();
			return _exitCode;
		}

	private:
		Poco::Pipe _out;
		Poco::ProcessHandle _handle;
		Poco::PipeInputStream _in;
		std::string _firstLine;
		int _exitCode = -1;
	};
}

class DtrackSimExecutableTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackSimExecutableTest);
	CPPUNIT_TEST(testCurlMultipartUploadReachesTheExecutable);
	CPPUNIT_TEST(testExecutableServesHttpsWithTheGivenCertificate);
	CPPUNIT_TEST(testExecutableRefusesTlsWithoutCertificate);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_dir.reset(new Poco::TemporaryFile);
		Poco::File(_dir->path()).createDirectories();
		_keyFile = Poco::Path(_dir->path(), "api-key").toString();
		writeFile(_keyFile, API_KEY + "\n");
		_headerFile = Poco::Path(_dir->path(), "curl-headers").toString();
		writeFile(_headerFile, "X-Api-Key: " + API_KEY + "\n");
	}

	void tearDown() override
	{
		_dir.reset();
	}

	void testCurlMultipartUploadReachesTheExecutable()
	{
		const std::string stateDir = Poco::Path(_dir->path(), "state").toString();
		SimProcess sim({"--port", "0", "--api-key-file", _keyFile, "--state-dir", stateDir});
		const std::string url = sim.url();
		CPPUNIT_ASSERT(url.compare(0, 17, "http://127.0.0.1:") == 0);

		const std::string bomFile = Poco::Path(_dir->path(), "sbom.cdx.json").toString();
		writeFile(bomFile, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":["
			"{\"type\":\"library\",\"name\":\"a\"},{\"type\":\"library\",\"name\":\"b\",\"components\":[{\"type\":\"library\",\"name\":\"c\"}]}]}");
		const Output upload = run("curl", {"-sS", "--fail-with-body", "-X", "POST", url + "/api/v1/bom", "-H", "@" + _headerFile,
			"-F", "autoCreate=true", "-F", "projectName=ghcr.io/org/app", "-F", "projectVersion=1.2.3",
			"-F", "projectTags=sbom-operator,kubernetes-cluster=prod", "-F", "isLatest=true", "-F", "bom=@" + bomFile});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(upload.text, 0, upload.exitCode);
		Poco::JSON::Parser parser;
		const Object::Ptr answer = parser.parse(upload.text).extract<Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::size_t(36), answer->getValue<std::string>("token").size());

		parser.reset();
		const Object::Ptr state = parser.parse(readFile(Poco::Path(stateDir, "projects.json").toString())).extract<Object::Ptr>();
		const Object::Ptr project = state->getArray("projects")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/org/app"), project->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("1.2.3"), project->getValue<std::string>("version"));
		CPPUNIT_ASSERT_EQUAL(3, project->getValue<int>("components"));
		CPPUNIT_ASSERT_EQUAL(true, project->getValue<bool>("isLatest"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), project->getArray("tags")->size());

		const Output denied = run("curl", {"-sS", "-o", "/dev/null", "-w", "%{http_code}", url + "/api/v1/project"});
		CPPUNIT_ASSERT_EQUAL(std::string("401"), denied.text);
		CPPUNIT_ASSERT_EQUAL(0, sim.stop());
	}

	void testExecutableServesHttpsWithTheGivenCertificate()
	{
		const std::string cert = Poco::Path(_dir->path(), "cert.pem").toString();
		const std::string key = Poco::Path(_dir->path(), "key.pem").toString();
		const Output openssl = run("openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
			"-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(openssl.text, 0, openssl.exitCode);

		SimProcess sim({"--port", "0", "--api-key-file", _keyFile, "--tls", "--cert", cert, "--key", key});
		const std::string url = sim.url();
		CPPUNIT_ASSERT(url.compare(0, 18, "https://127.0.0.1:") == 0);
		const Output version = run("curl", {"-sS", "--fail", "--cacert", cert, url + "/api/version"});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(version.text, 0, version.exitCode);
		Poco::JSON::Parser parser;
		CPPUNIT_ASSERT_EQUAL(std::string("4.14.3"), parser.parse(version.text).extract<Object::Ptr>()->getValue<std::string>("version"));
		const Output projects = run("curl", {"-sS", "--fail", "--cacert", cert, "-H", "@" + _headerFile, url + "/api/v1/project"});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(projects.text, 0, projects.exitCode);
		CPPUNIT_ASSERT_EQUAL(std::string("[]"), projects.text);
		CPPUNIT_ASSERT_EQUAL(0, sim.stop());
	}

	void testExecutableRefusesTlsWithoutCertificate()
	{
		SimProcess sim({"--port", "0", "--api-key-file", _keyFile, "--tls"});
		CPPUNIT_ASSERT_EQUAL(std::string("dtrack-sim: --tls needs --cert and --key"), sim.firstLine());
		CPPUNIT_ASSERT_EQUAL(64, sim.wait());
	}

private:
	std::unique_ptr<Poco::TemporaryFile> _dir;
	std::string _keyFile;
	std::string _headerFile;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackSimExecutableTest, "DtrackSim");
