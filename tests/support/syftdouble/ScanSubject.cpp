//
// ScanSubject.cpp
//
// Part of the Syft test double.
//

#include "ScanSubject.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/NumberFormatter.h>
#include <Poco/Timestamp.h>

namespace sbomop {
namespace syftdouble {

const std::string ScanSubject::SYFT_VERSION = "1.51.0";
const std::string ScanSubject::SYFT_SCHEMA_VERSION = "16.1.10";

namespace {

// splitmix64: a small, well-distributed generator, so that the same digest
// always yields the same packages.
class Random
{
public:
	explicit Random(Poco::UInt64 seed): _state(seed) {}

	Poco::UInt64 next()
	{
		Poco::UInt64 z = (_state += 0x9E3779B97F4A7C15ULL);
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		return z ^ (z >> 31);
	}

	std::size_t below(std::size_t bound)
	{
		return static_cast<std::size_t>(next() % bound);
	}

private:
	Poco::UInt64 _state;
};

Poco::UInt64 seedOf(const std::string& digest)
{
	Poco::UInt64 seed = 1469598103934665603ULL;
	for (char c: digest) seed = (seed ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
	return seed;
}

struct Ecosystem
{
	const char* type;
	const char* language;
	const char* foundBy;
	const char* location;
};

const Ecosystem ECOSYSTEMS[] = {
	{ "deb", "", "dpkg-db-cataloger", "/var/lib/dpkg/status" },
	{ "npm", "javascript", "javascript-package-cataloger", "/usr/lib/node_modules/%s/package.json" },
	{ "python", "python", "python-installed-package-cataloger", "/usr/lib/python3/dist-packages/%s.dist-info/METADATA" },
	{ "go-module", "go", "go-module-binary-cataloger", "/usr/local/bin/app" },
	{ "java-archive", "java", "java-archive-cataloger", "/opt/app/lib/%s.jar" },
};

const char* const SYLLABLES[] = { "lib", "zen", "core", "ut", "net", "xml", "ssl", "bz", "yaml", "gr", "pcre", "tiny",
	"attr", "cap", "krb", "log", "json", "mime", "url", "sql", "zst", "lz", "gpg", "tar", "ffi", "idn" };
const char* const LICENSES[] = { "MIT", "Apache-2.0", "GPL-2.0-or-later", "BSD-3-Clause", "LGPL-2.1-only", "ISC" };

std::string packageName(Random& random, std::size_t index)
{
	std::string name;
	const std::size_t parts = 2 + random.below(2);
	for (std::size_t i = 0; i < parts; ++i) name += SYLLABLES[random.below(sizeof(SYLLABLES) / sizeof(SYLLABLES[0]))];
	// Unique within the image, as package names are.
	return name + std::to_string(index);
}

std::string purlFor(const Package& pkg, const std::string& arch)
{
	if (pkg.type == "deb") return "pkg:deb/debian/" + pkg.name + "@" + pkg.version + "?arch=" + arch + "&distro=debian-12";
	if (pkg.type == "npm") return "pkg:npm/" + pkg.name + "@" + pkg.version;
	if (pkg.type == "python") return "pkg:pypi/" + pkg.name + "@" + pkg.version;
	if (pkg.type == "go-module") return "pkg:golang/github.com/example/" + pkg.name + "@v" + pkg.version;
	return "pkg:maven/org.example/" + pkg.name + "@" + pkg.version;
}

std::string locationFor(const Ecosystem& ecosystem, const std::string& name)
{
	std::string location = ecosystem.location;
	const std::string::size_type pos = location.find("%s");
	if (pos != std::string::npos) location.replace(pos, 2, name);
	return location;
}

} // namespace


ScanSubject ScanSubject::create(const std::string& userInput, const ImageRef& ref, const ImageManifest& manifest,
	const std::string& platform, long componentCount)
{
	ScanSubject subject;
	subject.userInput = userInput;
	subject.ref = ref;
	subject.manifest = manifest;
	const std::string wanted = platform.empty() ? "linux/amd64" : platform;
	const std::string::size_type slash = wanted.find('/');
	subject.os = wanted.substr(0, slash);
	if (slash != std::string::npos)
	{
		const std::string rest = wanted.substr(slash + 1);
		const std::string::size_type slash2 = rest.find('/');
		subject.architecture = rest.substr(0, slash2);
		if (slash2 != std::string::npos) subject.variant = rest.substr(slash2 + 1);
	}
	else
	{
		subject.architecture = "amd64";
	}
	subject.timestamp = Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT);

	Random random(seedOf(manifest.digest));
	const std::size_t count = componentCount >= 0 ? static_cast<std::size_t>(componentCount) : 20 + random.below(80);
	subject.packages.reserve(count);
	for (std::size_t i = 0; i < count; ++i)
	{
		// Mostly OS packages, like a typical Debian-based image.
		const std::size_t pick = random.below(10);
		const Ecosystem& ecosystem = ECOSYSTEMS[pick < 6 ? 0 : pick - 5];
		Package pkg;
		pkg.id = Poco::NumberFormatter::formatHex(random.next(), 16);
		pkg.name = packageName(random, i);
		pkg.version = std::to_string(random.below(10)) + "." + std::to_string(random.below(30)) + "." + std::to_string(random.below(20));
		if (ecosystem.type == std::string("deb")) pkg.version += "-" + std::to_string(1 + random.below(5)) + "+deb12u1";
		pkg.type = ecosystem.type;
		pkg.language = ecosystem.language;
		pkg.foundBy = ecosystem.foundBy;
		pkg.license = LICENSES[random.below(sizeof(LICENSES) / sizeof(LICENSES[0]))];
		pkg.location = locationFor(ecosystem, pkg.name);
		pkg.purl = purlFor(pkg, subject.architecture);
		subject.packages.push_back(pkg);
	}
	return subject;
}


std::string ScanSubject::imageName() const
{
	return ref.registry + "/" + ref.repository;
}


std::string ScanSubject::imageVersion() const
{
	return ref.tag.empty() ? manifest.digest : ref.tag;
}


} } // namespace sbomop::syftdouble
