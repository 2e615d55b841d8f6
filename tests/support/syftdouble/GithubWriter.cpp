//
// GithubWriter.cpp
//
// Part of the Syft test double.
//

#include "GithubWriter.h"
#include "Escaping.h"
#include <map>
#include <vector>

namespace sbomop {
namespace syftdouble {

void GithubWriter::writeJson(std::ostream& out, const ScanSubject& subject)
{
	using J = Escaping;
	std::map<std::string, std::vector<const Package*>> byLocation;
	for (const Package& pkg: subject.packages) byLocation[pkg.location].push_back(&pkg);
	out << "{\"version\":0,\"job\":{\"correlator\":\"syft\",\"id\":" << J::json(subject.manifest.digest) << "},"
		<< "\"detector\":{\"name\":\"syft\",\"url\":\"https://github.com/anchore/syft\",\"version\":\"" << ScanSubject::SYFT_VERSION << "\"},"
		<< "\"metadata\":{\"syft:distro\":\"pkg:generic/" << subject.distroId << "@" << subject.distroVersion << "\"},\"manifests\":{";
	bool firstManifest = true;
	for (const auto& entry: byLocation)
	{
		const std::string name = subject.imageName() + ":" + entry.first;
		out << (firstManifest ? "\n" : ",\n") << J::json(name) << ":{\"name\":" << J::json(name) << ",\"file\":{\"source_location\":"
			<< J::json(entry.first) << "},\"metadata\":{\"syft:filesystem\":"
			<< J::json(subject.manifest.layers.empty() ? std::string() : subject.manifest.layers.front().first) << "},\"resolved\":{";
		bool firstPackage = true;
		for (const Package* pkg: entry.second)
		{
			out << (firstPackage ? "" : ",") << J::json(pkg->purl) << ":{\"package_url\":" << J::json(pkg->purl)
				<< ",\"relationship\":\"direct\",\"scope\":\"runtime\"}";
			firstPackage = false;
		}
		out << "}}";
		firstManifest = false;
	}
	out << "},\"scanned\":" << J::json(subject.timestamp) << "}\n";
}


} } // namespace sbomop::syftdouble
