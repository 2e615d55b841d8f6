//
// SyftRunner.cpp
//

#include "sbomop/syft/SyftRunner.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/logging/SecretRedactor.h"
#include "sbomop/syft/ScanWorkspace.h"
#include "sbomop/syft/Subprocess.h"
#include "sbomop/syft/SyftConfigFile.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <algorithm>
#include <set>
#include <sstream>

extern char** environ;

namespace sbomop {
namespace syft {

namespace {

const std::string CONFIG_FILE = "syft.yaml";

bool startsWith(const std::string& text, const std::string& prefix)
{
	return text.compare(0, prefix.size(), prefix) == 0;
}

// Variables of the operator that Syft (a Go program) may legitimately need.
bool passesToSyft(const std::string& name)
{
	static const std::set<std::string> NAMES = {
		"PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "SSL_CERT_FILE", "SSL_CERT_DIR",
		"HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "DOCKER_CONFIG",
		"GOMEMLIMIT", "GOMAXPROCS", "GOGC", "GODEBUG"
	};
	if (NAMES.count(name) || startsWith(name, "LC_") || startsWith(name, "XDG_")) return true;
	// Syft's own settings, but never credentials or another config file:
	// those would override the private per-scan configuration.
	return startsWith(name, "SYFT_") && !startsWith(name, "SYFT_REGISTRY_AUTH_") && name != "SYFT_CONFIG";
}

void replaceAll(std::string& text, const std::string& secret)
{
	if (secret.empty()) return;
	Poco::replaceInPlace(text, secret, logging::SecretRedactor::MASK);
}

// Syft's multi-line error output as one line.
std::string oneLine(const std::string& text)
{
	std::istringstream lines(text);
	std::string line;
	std::string result;
	while (std::getline(lines, line))
	{
		Poco::trimInPlace(line);
		if (line.empty()) continue;
		if (!result.empty()) result += ' ';
		result += line;
	}
	return result;
}

// After a cut at the front: drops the partial first line, unless it is the only one.
void dropPartialLine(std::string& text)
{
	const std::string::size_type newline = text.find('\n');
	if (newline != std::string::npos && newline + 1 < text.size()) text.erase(0, newline + 1);
}

std::string readFile(const std::string& path)
{
	Poco::FileInputStream stream(path);
	std::string content;
	Poco::StreamCopier::copyToString(stream, content);
	return content;
}

} // namespace


SyftRunner::SyftRunner(const Options& options, const targets::SbomFormat& format, const std::string& formatVersion):
	_options(options),
	_format(format),
	_formatVersion(formatVersion)
{
	if (_options.workRoot.empty()) _options.workRoot = Poco::Path::temp();
}


ScanResult SyftRunner::scan(const plugin::ImageTask& image, const StopToken& cancel) const
{
	const Poco::Timestamp started;
	ScanResult result;
	if (cancel.stopRequested())
	{
		result.status = ScanResult::CANCELLED;
		result.message = "scan of " + image.pullReference + " cancelled before Syft started";
		return result;
	}
	try
	{
		result = run(image, cancel);
	}
	catch (Poco::Exception& exc)
	{
		result.status = ScanResult::FAILED;
		result.message = "cannot scan " + image.pullReference + ": " + maskSecrets(exc.displayText(), image.credentials);
	}
	catch (std::exception& exc)
	{
		result.status = ScanResult::FAILED;
		result.message = "cannot scan " + image.pullReference + ": " + maskSecrets(exc.what(), image.credentials);
	}
	result.seconds = static_cast<double>(started.elapsed()) / 1e6;
	return result;
}


ScanResult SyftRunner::run(const plugin::ImageTask& image, const StopToken& cancel) const
{
	const std::string& reference = image.pullReference;
	const registry::RegistryCredentials& credentials = image.credentials;
	// Declared before the process: the tree is removed only after the
	// process and its group are gone.
	ScanWorkspace workspace(_options.workRoot);
	const std::string configFile = workspace.writePrivateFile(CONFIG_FILE,
		SyftConfigFile::render(authorityOf(reference), credentials));
	const std::string outputFile = workspace.file("sbom" + _format.fileExtension());
	// Room to mask a secret that straddles the start of the kept tail.
	const std::size_t slack = std::max(credentials.password().size(), credentials.token().size()) + 64;
	Subprocess process(_options.executable, arguments(reference, configFile, outputFile),
		childEnvironment(_options.environment, workspace.tmpDir()), workspace.path(), _options.stderrLimit + slack);
	const Subprocess::Outcome outcome = process.wait(_options.timeout, cancel, _options.killGrace);
	const std::string stderrText = failureText(process.stderrTail(), process.stderrTruncated(), credentials);
	const std::string stderrPart = stderrText.empty() ? std::string() : ": " + stderrText;

	ScanResult result;
	result.status = ScanResult::FAILED;
	if (outcome == Subprocess::TIMED_OUT)
	{
		result.status = ScanResult::TIMED_OUT;
		result.message = "Syft did not finish scanning " + reference + " within " +
			std::to_string(_options.timeout.totalSeconds()) + " s and was killed" + stderrPart;
	}
	else if (outcome == Subprocess::CANCELLED)
	{
		result.status = ScanResult::CANCELLED;
		result.message = "scan of " + reference + " cancelled; Syft was stopped";
	}
	else if (process.termSignal() != 0)
	{
		result.message = "Syft was killed by signal " + std::to_string(process.termSignal()) + " while scanning " + reference + stderrPart;
	}
	else if (process.exitCode() != 0)
	{
		result.message = "Syft failed to scan " + reference + " (exit code " + std::to_string(process.exitCode()) + ")" +
			(stderrText.empty() ? std::string(" without a message") : stderrPart);
	}
	else if (!Poco::File(outputFile).exists())
	{
		result.message = "Syft exited successfully but wrote no SBOM for " + reference + stderrPart;
	}
	else
	{
		std::string document = readFile(outputFile);
		if (document.empty())
		{
			result.message = "Syft wrote an empty SBOM for " + reference + stderrPart;
		}
		else if (!_format.isPlausibleDocument(document))
		{
			result.message = "Syft wrote output for " + reference + " that is not a " + _format.syftId() + " document";
		}
		else
		{
			result.status = ScanResult::SUCCEEDED;
			result.document = std::move(document);
		}
	}
	return result;
}


std::vector<std::string> SyftRunner::arguments(const std::string& pullReference, const std::string& configFile,
	const std::string& outputFile) const
{
	std::vector<std::string> args = {
		"scan", "registry:" + pullReference,
		"-o", _format.outputOption(_formatVersion) + "=" + outputFile,
		"-q",
		"-c", configFile
	};
	if (!_options.platform.empty())
	{
		args.push_back("--platform");
		args.push_back(_options.platform);
	}
	return args;
}


const SyftRunner::Options& SyftRunner::options() const
{
	return _options;
}


std::string SyftRunner::failureText(const std::string& stderrTail, bool truncated,
	const registry::RegistryCredentials& credentials) const
{
	std::string raw = stderrTail;
	if (truncated)
	{
		// The cut may have split a secret, leaving a fragment no mask would
		// match: drop at least a secret's length, and the partial line.
		raw.erase(0, std::min(raw.size(), std::max(credentials.password().size(), credentials.token().size())));
		dropPartialLine(raw);
	}
	std::string text = maskSecrets(raw, credentials);
	if (text.size() > _options.stderrLimit)
	{
		text.erase(0, text.size() - _options.stderrLimit);
		truncated = true;
		dropPartialLine(text);
		// A single long line: at least do not start inside a UTF-8 sequence.
		const auto first = std::find_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
		text.erase(text.begin(), first);
	}
	text = oneLine(text);
	return (truncated && !text.empty()) ? "[...] " + text : text;
}


std::map<std::string, std::string> SyftRunner::childEnvironment(const std::map<std::string, std::string>& parent,
	const std::string& tmpDir)
{
	std::map<std::string, std::string> env;
	for (const auto& entry: parent)
	{
		if (passesToSyft(entry.first)) env.insert(entry);
	}
	if (!env.count("PATH")) env["PATH"] = "/usr/local/bin:/usr/bin:/bin";
	env["TMPDIR"] = tmpDir;
	env["SYFT_CHECK_FOR_APP_UPDATE"] = "false";
	return env;
}


std::map<std::string, std::string> SyftRunner::currentEnvironment()
{
	std::map<std::string, std::string> env;
	for (char** entry = environ; entry && *entry; ++entry)
	{
		const std::string text(*entry);
		const std::string::size_type eq = text.find('=');
		if (eq != std::string::npos && eq > 0) env.emplace(text.substr(0, eq), text.substr(eq + 1));
	}
	return env;
}


std::string SyftRunner::authorityOf(const std::string& pullReference)
{
	return image::ImageReference::parse(pullReference).registry();
}


std::string SyftRunner::maskSecrets(const std::string& text, const registry::RegistryCredentials& credentials)
{
	std::string masked = text;
	// The longer secret first, so that one containing the other is masked whole.
	if (credentials.password().size() >= credentials.token().size())
	{
		replaceAll(masked, credentials.password());
		replaceAll(masked, credentials.token());
	}
	else
	{
		replaceAll(masked, credentials.token());
		replaceAll(masked, credentials.password());
	}
	return logging::SecretRedactor::instance().redact(masked);
}


} } // namespace sbomop::syft
