//
// CycloneDxWriter.cpp
//
// Part of the Syft test double.
//

#include "CycloneDxWriter.h"
#include "Escaping.h"
#include <Poco/UUIDGenerator.h>

namespace sbomop {
namespace syftdouble {

namespace {

// "1.5" > "1.4" compares correctly as text for CycloneDX's 1.x versions.
bool atLeast(const std::string& version, const std::string& minimum)
{
	return version >= minimum;
}

std::string serialNumber()
{
	return "urn:uuid:" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

std::string bomRef(const Package& pkg)
{
	return pkg.purl + "?package-id=" + pkg.id;
}

} // namespace


void CycloneDxWriter::writeJson(std::ostream& out, const ScanSubject& subject, const std::string& v)
{
	using J = Escaping;
	out << "{\n  \"$schema\": \"http://cyclonedx.org/schema/bom-" << v << ".schema.json\",\n"
		<< "  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"" << v << "\",\n"
		<< "  \"serialNumber\": \"" << serialNumber() << "\",\n  \"version\": 1,\n"
		<< "  \"metadata\": {\n    \"timestamp\": " << J::json(subject.timestamp) << ",\n";
	if (atLeast(v, "1.5"))
	{
		out << "    \"tools\": {\"components\": [{\"type\": \"application\", \"author\": \"anchore\", \"name\": \"syft\", \"version\": \""
			<< ScanSubject::SYFT_VERSION << "\"}]},\n";
	}
	else
	{
		out << "    \"tools\": [{\"vendor\": \"anchore\", \"name\": \"syft\", \"version\": \"" << ScanSubject::SYFT_VERSION << "\"}],\n";
	}
	out << "    \"component\": {\"bom-ref\": " << J::json(subject.manifest.digest) << ", \"type\": \"container\", \"name\": "
		<< J::json(subject.imageName()) << ", \"version\": " << J::json(subject.imageVersion()) << "}\n  },\n"
		<< "  \"components\": [\n";
	for (const Package& pkg: subject.packages)
	{
		out << "    {\"bom-ref\": " << J::json(bomRef(pkg)) << ", \"type\": \"library\", \"name\": " << J::json(pkg.name)
			<< ", \"version\": " << J::json(pkg.version) << ", \"licenses\": [{\"license\": {\"id\": " << J::json(pkg.license) << "}}]"
			<< ", \"purl\": " << J::json(pkg.purl) << ", \"properties\": ["
			<< "{\"name\": \"syft:package:foundBy\", \"value\": " << J::json(pkg.foundBy) << "}, "
			<< "{\"name\": \"syft:package:type\", \"value\": " << J::json(pkg.type) << "}, "
			<< "{\"name\": \"syft:location:0:path\", \"value\": " << J::json(pkg.location) << "}]},\n";
	}
	out << "    {\"bom-ref\": \"os:" << subject.distroId << "@" << subject.distroVersion << "\", \"type\": \"operating-system\", "
		<< "\"name\": \"" << subject.distroId << "\", \"version\": \"" << subject.distroVersion << "\"}\n  ]\n}\n";
}


void CycloneDxWriter::writeXml(std::ostream& out, const ScanSubject& subject, const std::string& v)
{
	using X = Escaping;
	out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/" << v << "\"";
	if (atLeast(v, "1.1")) out << " serialNumber=\"" << serialNumber() << "\"";
	out << " version=\"1\">\n";
	if (atLeast(v, "1.2"))
	{
		out << "  <metadata>\n    <timestamp>" << X::xml(subject.timestamp) << "</timestamp>\n    <tools>\n";
		if (atLeast(v, "1.5"))
		{
			out << "      <components>\n        <component type=\"application\">\n          <author>anchore</author>\n"
				<< "          <name>syft</name>\n          <version>" << ScanSubject::SYFT_VERSION << "</version>\n"
				<< "        </component>\n      </components>\n";
		}
		else
		{
			out << "      <tool>\n        <vendor>anchore</vendor>\n        <name>syft</name>\n        <version>"
				<< ScanSubject::SYFT_VERSION << "</version>\n      </tool>\n";
		}
		out << "    </tools>\n    <component bom-ref=\"" << X::xml(subject.manifest.digest) << "\" type=\"container\">\n"
			<< "      <name>" << X::xml(subject.imageName()) << "</name>\n      <version>" << X::xml(subject.imageVersion())
			<< "</version>\n    </component>\n  </metadata>\n";
	}
	out << "  <components>\n";
	for (const Package& pkg: subject.packages)
	{
		out << "    <component";
		if (atLeast(v, "1.1")) out << " bom-ref=\"" << X::xml(bomRef(pkg)) << "\"";
		out << " type=\"library\">\n      <name>" << X::xml(pkg.name) << "</name>\n      <version>" << X::xml(pkg.version)
			<< "</version>\n      <licenses>\n        <license>\n          <id>" << X::xml(pkg.license)
			<< "</id>\n        </license>\n      </licenses>\n      <purl>" << X::xml(pkg.purl) << "</purl>\n    </component>\n";
	}
	out << "  </components>\n</bom>\n";
}


} } // namespace sbomop::syftdouble
