//
// SyftWriter.cpp
//
// Part of the Syft test double.
//

#include "SyftWriter.h"
#include "Escaping.h"
#include <algorithm>
#include <iomanip>

namespace sbomop {
namespace syftdouble {

namespace {

std::string firstLayer(const ScanSubject& subject)
{
	return subject.manifest.layers.empty() ? std::string() : subject.manifest.layers.front().first;
}

Poco::UInt64 imageSize(const ScanSubject& subject)
{
	Poco::UInt64 size = 0;
	for (const auto& layer: subject.manifest.layers) size += layer.second;
	return size;
}

} // namespace


void SyftWriter::writeJson(std::ostream& out, const ScanSubject& subject)
{
	using J = Escaping;
	out << "{\"artifacts\":[";
	bool first = true;
	for (const Package& pkg: subject.packages)
	{
		out << (first ? "\n" : ",\n") << "{\"id\":" << J::json(pkg.id) << ",\"name\":" << J::json(pkg.name) << ",\"version\":" << J::json(pkg.version)
			<< ",\"type\":" << J::json(pkg.type) << ",\"foundBy\":" << J::json(pkg.foundBy) << ",\"locations\":[{\"path\":"
			<< J::json(pkg.location) << ",\"layerID\":" << J::json(firstLayer(subject)) << ",\"accessPath\":" << J::json(pkg.location)
			<< ",\"annotations\":{\"evidence\":\"primary\"}}],\"licenses\":[{\"value\":" << J::json(pkg.license) << ",\"spdxExpression\":"
			<< J::json(pkg.license) << ",\"type\":\"declared\",\"urls\":[],\"locations\":[]}],\"language\":" << J::json(pkg.language)
			<< ",\"cpes\":[],\"purl\":" << J::json(pkg.purl) << "}";
		first = false;
	}
	out << "],\n\"artifactRelationships\":[],\n\"source\":{\"id\":" << J::json(subject.manifest.digest.substr(7)) << ",\"name\":"
		<< J::json(subject.imageName()) << ",\"version\":" << J::json(subject.imageVersion()) << ",\"type\":\"image\",\"metadata\":{"
		<< "\"userInput\":" << J::json(subject.userInput) << ",\"imageID\":" << J::json(subject.manifest.configDigest)
		<< ",\"manifestDigest\":" << J::json(subject.manifest.digest) << ",\"mediaType\":" << J::json(subject.manifest.mediaType)
		<< ",\"tags\":[" << (subject.ref.tag.empty() ? std::string() : J::json(subject.imageName() + ":" + subject.ref.tag))
		<< "],\"imageSize\":" << imageSize(subject) << ",\"layers\":[";
	for (std::size_t i = 0; i < subject.manifest.layers.size(); ++i)
	{
		out << (i ? "," : "") << "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":"
			<< J::json(subject.manifest.layers[i].first) << ",\"size\":" << subject.manifest.layers[i].second << "}";
	}
	const std::string indexDigest = subject.manifest.indexDigest.empty() ? subject.manifest.digest : subject.manifest.indexDigest;
	out << "],\"repoDigests\":[" << J::json(subject.imageName() + "@" + indexDigest) << "],\"architecture\":"
		<< J::json(subject.architecture) << ",\"os\":" << J::json(subject.os) << "}},\n"
		<< "\"distro\":{\"prettyName\":\"Debian GNU/Linux 12 (bookworm)\",\"name\":\"Debian GNU/Linux\",\"id\":" << J::json(subject.distroId)
		<< ",\"version\":\"12 (bookworm)\",\"versionID\":" << J::json(subject.distroVersion) << ",\"versionCodename\":\"bookworm\"},\n"
		<< "\"descriptor\":{\"name\":\"syft\",\"version\":\"" << ScanSubject::SYFT_VERSION << "\",\"configuration\":{}},\n"
		<< "\"schema\":{\"version\":\"" << ScanSubject::SYFT_SCHEMA_VERSION << "\",\"url\":\"https://raw.githubusercontent.com/anchore/syft/main/schema/json/schema-"
		<< ScanSubject::SYFT_SCHEMA_VERSION << ".json\"}}\n";
}


void SyftWriter::writeText(std::ostream& out, const ScanSubject& subject)
{
	out << "[Image]\n";
	for (std::size_t i = 0; i < subject.manifest.layers.size(); ++i)
	{
		out << " Layer:      " << i << "\n Digest:     " << subject.manifest.layers[i].first << "\n Size:       "
			<< subject.manifest.layers[i].second << "\n MediaType:  application/vnd.oci.image.layer.v1.tar+gzip\n\n";
	}
	for (const Package& pkg: subject.packages)
	{
		out << "[" << pkg.name << "]\n Version:    " << pkg.version << "\n Type:       " << pkg.type << "\n Found by:   "
			<< pkg.foundBy << "\n\n";
	}
}


void SyftWriter::writeTable(std::ostream& out, const ScanSubject& subject)
{
	std::size_t nameWidth = 4, versionWidth = 7;
	for (const Package& pkg: subject.packages)
	{
		nameWidth = std::max(nameWidth, pkg.name.size());
		versionWidth = std::max(versionWidth, pkg.version.size());
	}
	out << std::left << std::setw(static_cast<int>(nameWidth + 2)) << "NAME" << std::setw(static_cast<int>(versionWidth + 2))
		<< "VERSION" << "TYPE\n";
	for (const Package& pkg: subject.packages)
	{
		out << std::setw(static_cast<int>(nameWidth + 2)) << pkg.name << std::setw(static_cast<int>(versionWidth + 2)) << pkg.version
			<< pkg.type << "\n";
	}
}


void SyftWriter::writePurls(std::ostream& out, const ScanSubject& subject)
{
	for (const Package& pkg: subject.packages) out << pkg.purl << "\n";
}


} } // namespace sbomop::syftdouble
