//
// KubectlHarness.cpp
//

#include "KubectlHarness.h"
#include "kubesim/TlsIdentity.h"
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <iostream>
#include <thread>

namespace sbomop {
namespace kubesim {

namespace
{
	const std::string TOKEN = "kubectl-test-token";

	std::string readFile(const std::string& path)
	{
		Poco::FileInputStream in(path);
		std::string content;
		Poco::StreamCopier::copyToString(in, content);
		return content;
	}
}

KubectlHarness::KubectlHarness():
	_sslInitialized(false)
{
	Poco::Path found;
	if (Poco::Path::find(Poco::Environment::get("PATH", ""), "kubectl", found)) _kubectl = found.toString();
}

KubectlHarness::~KubectlHarness()
{
	_client.reset();
	try
	{
		terminate();
	}
	catch (Poco::Exception&)
	{
	}
	if (!_folder.empty())
	{
		try
		{
			Poco::File(_folder).remove(true);
		}
		catch (Poco::Exception&)
		{
		}
	}
	if (_sslInitialized) Poco::Net::uninitializeSSL();
}

bool KubectlHarness::available() const
{
	return !_kubectl.empty();
}

bool KubectlHarness::skip(const std::string& what) const
{
	if (available()) return false;
	std::cerr << "SKIPPED: kubectl is not on PATH; " << what << " did not run" << std::endl;
	return true;
}

void KubectlHarness::start(const std::vector<std::string>& arguments, const std::string& seed)
{
	if (!_sslInitialized)
	{
		Poco::Net::initializeSSL();
		_sslInitialized = true;
	}
	_folder = Poco::TemporaryFile::tempName();
	Poco::File(_folder + "/home").createDirectories();
	write("token", TOKEN + "\n");
	Poco::Process::Args args = {"--port", "0", "--token-file", _folder + "/token", "--tls", "--ca-out", _folder + "/ca.pem",
		"--kubeconfig-out", _folder + "/kubeconfig"};
	if (!seed.empty())
	{
		args.push_back("--seed");
		args.push_back(write("seed.json", seed));
	}
	args.insert(args.end(), arguments.begin(), arguments.end());
	Poco::Pipe out;
	_process.reset(new Poco::ProcessHandle(Poco::Process::launch(std::string(SBOMOP_BINARY_DIR) + "/bin/kube-sim", args, _folder, nullptr, &out, nullptr)));
	Poco::PipeInputStream in(out);
	std::string line;
	std::getline(in, line);
	const std::string prefix = "listening on https://127.0.0.1:";
	if (line.compare(0, prefix.size(), prefix) != 0) throw Poco::IllegalStateException("kube-sim did not report its URL", line);
	const Poco::UInt16 port = static_cast<Poco::UInt16>(Poco::NumberParser::parseUnsigned(line.substr(prefix.size())));
	_client.reset(new SimClient(port, TOKEN, TlsIdentity::clientContextFor(readFile(_folder + "/ca.pem"))));
}

int KubectlHarness::terminate()
{
	if (!_process) return -1;
	Poco::Process::requestTermination(_process->id());
	const int exitCode = _process->wait();
	_process.reset();
	return exitCode;
}

std::vector<std::string> KubectlHarness::withCommonArguments(std::vector<std::string> arguments) const
{
	arguments.push_back("--cache-dir");
	arguments.push_back(_folder + "/cache");
	arguments.push_back("--request-timeout=20s");
	return arguments;
}

Poco::Process::Env KubectlHarness::environment() const
{
	return {{"KUBECONFIG", _folder + "/kubeconfig"}, {"HOME", _folder + "/home"}};
}

KubectlHarness::Result KubectlHarness::kubectl(std::vector<std::string> arguments) const
{
	Poco::Pipe out;
	Poco::Pipe err;
	Poco::ProcessHandle handle = Poco::Process::launch(_kubectl, withCommonArguments(arguments), _folder, nullptr, &out, &err, environment());
	Result result;
	// Read stderr on the side: a full pipe must not stall kubectl.
	std::thread errors([&] { Poco::PipeInputStream errStream(err); Poco::StreamCopier::copyToString(errStream, result.err); });
	Poco::PipeInputStream outStream(out);
	Poco::StreamCopier::copyToString(outStream, result.out);
	errors.join();
	result.exitCode = handle.wait();
	return result;
}

Poco::ProcessHandle KubectlHarness::launchKubectl(std::vector<std::string> arguments, Poco::Pipe& out, Poco::Pipe& err) const
{
	return Poco::Process::launch(_kubectl, withCommonArguments(arguments), _folder, nullptr, &out, &err, environment());
}

std::string KubectlHarness::write(const std::string& name, const std::string& content) const
{
	const std::string path = _folder + "/" + name;
	Poco::FileOutputStream stream(path);
	stream << content;
	return path;
}

SimClient& KubectlHarness::client() const
{
	if (!_client) throw Poco::IllegalStateException("kube-sim is not running");
	return *_client;
}

const std::string& KubectlHarness::folder() const
{
	return _folder;
}

} } // namespace sbomop::kubesim
