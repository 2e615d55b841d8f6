//
// TestFiles.cpp
//

#include "TestFiles.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

namespace sbomop {
namespace kube {
namespace test {

TempDir::TempDir():
	_path(Poco::TemporaryFile::tempName())
{
	Poco::File(_path).createDirectories();
}

TempDir::~TempDir()
{
	try
	{
		Poco::File(_path).remove(true);
	}
	catch (Poco::Exception&)
	{
	}
}

std::string TempDir::path(const std::string& name) const
{
	return name.empty() ? _path : _path + "/" + name;
}

std::string TempDir::write(const std::string& name, const std::string& content) const
{
	const std::string file = path(name);
	Poco::File(Poco::Path(file).parent()).createDirectories();
	Poco::FileOutputStream out(file, std::ios::out | std::ios::trunc);
	out << content;
	out.close();
	return file;
}

std::string TempDir::read(const std::string& file)
{
	Poco::FileInputStream in(file);
	std::string content;
	Poco::StreamCopier::copyToString(in, content);
	return content;
}

const TestPki& TestPki::instance()
{
	static const TestPki pki;
	return pki;
}

void TestPki::openssl(const std::vector<std::string>& args) const
{
	Poco::Pipe errPipe;
	Poco::ProcessHandle process = Poco::Process::launch("openssl", args, _dir.path(), nullptr, nullptr, &errPipe);
	Poco::PipeInputStream err(errPipe);
	std::string errors;
	Poco::StreamCopier::copyToString(err, errors);
	if (process.wait() != 0) throw Poco::RuntimeException("openssl " + args.front() + " failed: " + errors);
}

TestPki::TestPki()
{
	const std::vector<std::string> ecKey{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};
	auto makeCa = [&](const std::string& name, const std::string& cn)
	{
		std::vector<std::string> args{"req", "-x509"};
		args.insert(args.end(), ecKey.begin(), ecKey.end());
		args.insert(args.end(), {"-keyout", name + ".key", "-out", name + ".crt", "-days", "3", "-subj", "/CN=" + cn});
		openssl(args);
	};
	auto makeLeaf = [&](const std::string& name, const std::string& cn, const std::string& extensions, const std::string& serial)
	{
		std::vector<std::string> args{"req"};
		args.insert(args.end(), ecKey.begin(), ecKey.end());
		args.insert(args.end(), {"-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn});
		openssl(args);
		_dir.write(name + ".ext", extensions);
		openssl({"x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial", serial,
			"-days", "3", "-out", name + ".crt", "-extfile", name + ".ext"});
	};
	makeCa("ca", "sbomop-test-ca");
	makeCa("other-ca", "sbomop-other-ca");
	makeLeaf("server", "server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n", "101");
	makeLeaf("named-server", "kube.test", "subjectAltName=DNS:kube.test\nextendedKeyUsage=serverAuth\n", "102");
	makeLeaf("client", "test-user", "extendedKeyUsage=clientAuth\n", "103");
}

std::string TestPki::file(const std::string& name) const
{
	return _dir.path(name);
}

std::string TestPki::pem(const std::string& name) const
{
	return TempDir::read(file(name));
}

Poco::Timespan::TimeDiff ManualClock::now()
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _now;
}

void ManualClock::sleep(const Poco::Timespan& duration)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_sleeps.push_back(duration.totalMicroseconds());
	_now += duration.totalMicroseconds();
}

void ManualClock::advance(const Poco::Timespan& duration)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_now += duration.totalMicroseconds();
}

std::vector<Poco::Timespan::TimeDiff> ManualClock::sleeps() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _sleeps;
}

LogCapture::LogCapture() = default;

LogCapture::Ptr LogCapture::attach()
{
	Ptr capture(new LogCapture);
	Poco::Logger& logger = Poco::Logger::get("sbomop.kube.client");
	capture->_previousChannel = logger.getChannel();
	capture->_previousLevel = logger.getLevel();
	logger.setChannel(capture);
	logger.setLevel(Poco::Message::PRIO_TRACE);
	capture->_attached = true;
	return capture;
}

void LogCapture::detach()
{
	if (!_attached) return;
	Poco::Logger& logger = Poco::Logger::get("sbomop.kube.client");
	logger.setChannel(_previousChannel);
	logger.setLevel(_previousLevel);
	_attached = false;
}

void LogCapture::log(const Poco::Message& message)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_messages.push_back(message);
}

std::vector<Poco::Message> LogCapture::messages() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _messages;
}

bool LogCapture::contains(Poco::Message::Priority priority, const std::string& text) const
{
	for (const auto& message: messages())
	{
		if (message.getPriority() == priority && message.getText().find(text) != std::string::npos) return true;
	}
	return false;
}

bool LogCapture::anyContains(const std::string& text) const
{
	for (const auto& message: messages())
	{
		if (message.getText().find(text) != std::string::npos) return true;
	}
	return false;
}

std::string statusJson(int code, const std::string& reason, const std::string& message, const std::string& details)
{
	return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"" + message
		+ "\",\"reason\":\"" + reason + "\",\"details\":" + details + ",\"code\":" + std::to_string(code) + "}";
}

Poco::JSON::Object::Ptr parseJson(const std::string& json)
{
	Poco::JSON::Parser parser;
	return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

ClusterConnection connectionTo(const std::string& url)
{
	ClusterConnection connection;
	connection.server = url;
	connection.token = "t0k3n-value";
	connection.defaultNamespace = "x";
	connection.source = "test";
	return connection;
}

KubeClientSettings clientSettings(const std::shared_ptr<ManualClock>& clock, int maxAttempts)
{
	KubeClientSettings settings;
	settings.clock = clock;
	settings.random = [] { return 0.5; };
	settings.maxAttempts = maxAttempts;
	return settings;
}

} } } // namespace sbomop::kube::test
