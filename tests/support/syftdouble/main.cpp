//
// main.cpp
//
// `syft`: a TEST DOUBLE of the Syft CLI (anchore/syft v1.51), following the
// interface documented in shared/reference/syft-cli.md. The operator's tests
// run it instead of the real Syft, which cannot be installed here; the
// container image ships the real one.
//
// What it does like Syft:
//   syft [scan] registry:<ref> [-o FORMAT[@VERSION][=FILE]]... [-c FILE]
//        [--platform os/arch[/variant]] [-q]
//   - reads `registry.auth` (and insecure-use-http, insecure-skip-tls-verify,
//     ca-cert) from the -c file, SYFT_REGISTRY_INSECURE_USE_HTTP,
//     SYFT_REGISTRY_INSECURE_SKIP_TLS_VERIFY and SYFT_REGISTRY_CA_CERT from
//     the environment, SSL_CERT_FILE through OpenSSL;
//   - authenticates to the registry for real (GET /v2/, Basic or Bearer
//     challenge) and fetches the manifest (index resolved by --platform),
//     so wrong credentials fail as with Syft: exit 1, message on stderr;
//   - resolves every -o format like Syft (IDs, aliases, versions, defaults)
//     and writes Syft-shaped documents: CycloneDX JSON/XML with the
//     requested specVersion, SPDX JSON (2.x, 3.0) and tag-value, syft-json
//     with its schema, github-json, text, table, purls; files get their
//     parent directories, no FILE means stdout;
//   - unpacks "layers" under $TMPDIR/stereoscope-<pid> and removes them on
//     success, like stereoscope;
//   - exits 0 on success, 1 on any error.
//
// Packages are derived deterministically from the manifest digest (20..99 of
// them). Test knobs, all from the environment:
//   SYFT_DOUBLE_COMPONENTS=<n>   exactly n packages (large n: MB-sized documents)
//   SYFT_DOUBLE_DELAY_MS=<ms>    fixed cost per image, after the registry calls
//   SYFT_DOUBLE_MODE=fail        exit 1; the message deliberately quotes the
//                                configured password, so that tests can prove
//                                the caller masks it
//                    hang        never finish (with a child process in the same
//                                process group); SYFT_DOUBLE_IGNORE_SIGTERM=true
//                                also ignores SIGTERM
//                    garbage     write bytes that are no SBOM, exit 0
//                    empty       write empty files, exit 0
//                    missing     write nothing, exit 0
//   SYFT_DOUBLE_RECORD=<dir>     record argv, /proc/self/cmdline, the
//                                environment, the -c file and start/end events
//                                (see RunRecorder.h)
//

#include "CycloneDxWriter.h"
#include "GithubWriter.h"
#include "OutputFormats.h"
#include "RegistryClient.h"
#include "RunRecorder.h"
#include "ScanSubject.h"
#include "SpdxWriter.h"
#include "SyftCommandLine.h"
#include "SyftConfig.h"
#include "SyftWriter.h"
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <csignal>
#include <iostream>
#include <sstream>
#include <unistd.h>

using namespace sbomop::syftdouble;

namespace {

std::string env(const std::string& name)
{
	return Poco::Environment::get(name, "");
}

bool envFlag(const std::string& name)
{
	const std::string value = Poco::toLower(env(name));
	return value == "true" || value == "1" || value == "yes";
}

void writeDocument(std::ostream& out, const ScanSubject& subject, const OutputFormats::Resolved& format)
{
	if (format.id == "cyclonedx-json") CycloneDxWriter::writeJson(out, subject, format.version);
	else if (format.id == "cyclonedx-xml") CycloneDxWriter::writeXml(out, subject, format.version);
	else if (format.id == "spdx-json") SpdxWriter::writeJson(out, subject, format.version);
	else if (format.id == "spdx-tag-value") SpdxWriter::writeTagValue(out, subject, format.version);
	else if (format.id == "syft-json") SyftWriter::writeJson(out, subject);
	else if (format.id == "github-json") GithubWriter::writeJson(out, subject);
	else if (format.id == "syft-text") SyftWriter::writeText(out, subject);
	else if (format.id == "purls") SyftWriter::writePurls(out, subject);
	else SyftWriter::writeTable(out, subject);
}

void emit(const OutputOption& option, const ScanSubject& subject, const OutputFormats::Resolved& format, const std::string& mode)
{
	if (mode == "missing") return;
	std::ostringstream document;
	static const char GARBAGE[] = "\0\xff this is not an SBOM\n";
	if (mode == "garbage") document << std::string(GARBAGE, sizeof(GARBAGE) - 1);
	else if (mode != "empty") writeDocument(document, subject, format);
	if (option.file.empty())
	{
		std::cout << document.str();
		return;
	}
	Poco::File(Poco::Path(option.file).parent()).createDirectories();
	Poco::FileOutputStream out(option.file);
	out << document.str();
}

// Stereoscope unpacks layers under TMPDIR; so does the double (a little).
std::string unpackLayers()
{
	const std::string dir = Poco::Path::temp() + "stereoscope-" + std::to_string(::getpid());
	Poco::File(dir).createDirectories();
	Poco::FileOutputStream layer(dir + "/layer-0.tar");
	layer << std::string(4096, 'L');
	return dir;
}

[[noreturn]] void hang(RunRecorder& recorder)
{
	if (envFlag("SYFT_DOUBLE_IGNORE_SIGTERM")) std::signal(SIGTERM, SIG_IGN);
	const pid_t child = ::fork();
	if (child == 0)
	{
		// Stays in the process group and keeps stderr open.
		while (true) ::pause();
	}
	recorder.recordEvent("child", static_cast<int>(child));
	while (true) ::pause();
}

int scan(const SyftCommandLine& line, RunRecorder& recorder)
{
	std::vector<OutputFormats::Resolved> formats;
	for (const OutputOption& option: line.outputs) formats.push_back(OutputFormats::resolve(option.format));
	if (line.source.compare(0, 9, "registry:") != 0)
		throw Poco::InvalidArgumentException("this test double only supports the registry: scheme, not '" + line.source + "'");
	const std::string userInput = line.source.substr(9);
	const ImageRef ref = ImageRef::parse(userInput);

	SyftConfig config;
	if (!line.config.empty())
	{
		recorder.recordConfig(line.config);
		config = SyftConfig::load(line.config);
	}
	const RegistryAuth* auth = config.credentialsFor(ref.registry);
	const std::string mode = env("SYFT_DOUBLE_MODE");
	if (mode == "fail")
	{
		throw Poco::IOException("simulated failure (SYFT_DOUBLE_MODE=fail) for registry " + ref.registry +
			(auth ? " with username " + auth->username + " and password " + auth->password : std::string(" without credentials")));
	}

	RegistrySettings settings;
	settings.insecureUseHttp = config.insecureUseHttp() || envFlag("SYFT_REGISTRY_INSECURE_USE_HTTP");
	settings.insecureSkipTlsVerify = config.insecureSkipTlsVerify() || envFlag("SYFT_REGISTRY_INSECURE_SKIP_TLS_VERIFY");
	settings.caCert = env("SYFT_REGISTRY_CA_CERT").empty() ? config.caCert() : env("SYFT_REGISTRY_CA_CERT");
	RegistryClient client(settings, auth);
	const ImageManifest manifest = client.resolve(ref, line.platform);

	const std::string layers = unpackLayers();
	const std::string delay = env("SYFT_DOUBLE_DELAY_MS");
	if (!delay.empty()) Poco::Thread::sleep(Poco::NumberParser::parse(delay));
	if (mode == "hang") hang(recorder);

	const std::string components = env("SYFT_DOUBLE_COMPONENTS");
	const ScanSubject subject = ScanSubject::create(userInput, ref, manifest, line.platform,
		components.empty() ? -1 : Poco::NumberParser::parse(components));
	for (std::size_t i = 0; i < line.outputs.size(); ++i) emit(line.outputs[i], subject, formats[i], mode);
	Poco::File(layers).remove(true);
	return 0;
}

} // namespace


int main(int argc, char** argv)
{
	const std::vector<std::string> argvList(argv, argv + argc);
	RunRecorder recorder(env("SYFT_DOUBLE_RECORD"));
	recorder.recordStart(argvList);
	int rc = 1;
	std::string source;
	try
	{
		const SyftCommandLine line = SyftCommandLine::parse(std::vector<std::string>(argvList.begin() + 1, argvList.end()));
		source = line.source;
		if (line.command == "version")
		{
			std::cout << "Application:   syft\nVersion:       " << ScanSubject::SYFT_VERSION << " (sbom-operator test double)\n";
			rc = 0;
		}
		else
		{
			Poco::Net::initializeSSL();
			rc = scan(line, recorder);
			Poco::Net::uninitializeSSL();
		}
	}
	catch (Poco::InvalidArgumentException& exc)
	{
		std::cerr << "Error: " << exc.message() << std::endl;
	}
	catch (Poco::Exception& exc)
	{
		std::cerr << "[0000] ERROR could not determine source: errors occurred attempting to resolve '" << source << "':\n"
			<< "  - registry: unable to load image: " << exc.message() << std::endl;
	}
	catch (std::exception& exc)
	{
		std::cerr << "[0000] ERROR " << exc.what() << std::endl;
	}
	recorder.recordEvent("end", static_cast<int>(::getpid()));
	return rc;
}
