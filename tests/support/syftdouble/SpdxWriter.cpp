//
// SpdxWriter.cpp
//
// Part of the Syft test double.
//

#include "SpdxWriter.h"
#include "Escaping.h"
#include <Poco/UUIDGenerator.h>
#include <cctype>

namespace sbomop {
namespace syftdouble {

namespace {

const std::string LICENSE_LIST_VERSION = "3.25";

std::string documentNamespace(const ScanSubject& subject)
{
	return "https://anchore.com/syft/image/" + subject.ref.repository + "-" +
		Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

// SPDX ids allow letters, digits, '.' and '-'.
std::string spdxSafe(const std::string& text)
{
	std::string out;
	for (char c: text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') ? c : '-';
	return out;
}

std::string packageId(const Package& pkg)
{
	return "SPDXRef-Package-" + spdxSafe(pkg.type) + "-" + spdxSafe(pkg.name) + "-" + pkg.id;
}

std::string rootId(const ScanSubject& subject)
{
	return "SPDXRef-DocumentRoot-Image-" + spdxSafe(subject.ref.repository);
}

std::string packageManagerCategory(const std::string& version)
{
	// SPDX 2.3 renamed the category.
	return version >= "2.3" ? "PACKAGE-MANAGER" : "PACKAGE_MANAGER";
}

} // namespace


void SpdxWriter::writeJson(std::ostream& out, const ScanSubject& subject, const std::string& specVersion)
{
	if (specVersion.compare(0, 2, "3.") == 0) writeJson3(out, subject);
	else writeJson2(out, subject, specVersion);
}


void SpdxWriter::writeJson2(std::ostream& out, const ScanSubject& subject, const std::string& v)
{
	using J = Escaping;
	out << "{\n \"spdxVersion\": \"SPDX-" << v << "\",\n \"dataLicense\": \"CC0-1.0\",\n \"SPDXID\": \"SPDXRef-DOCUMENT\",\n"
		<< " \"name\": " << J::json(subject.imageName()) << ",\n \"documentNamespace\": " << J::json(documentNamespace(subject)) << ",\n"
		<< " \"creationInfo\": {\"licenseListVersion\": \"" << LICENSE_LIST_VERSION << "\", \"creators\": [\"Organization: Anchore, Inc\", "
		<< "\"Tool: syft-" << ScanSubject::SYFT_VERSION << "\"], \"created\": " << J::json(subject.timestamp) << "},\n"
		<< " \"packages\": [\n";
	for (const Package& pkg: subject.packages)
	{
		out << "  {\"name\": " << J::json(pkg.name) << ", \"SPDXID\": " << J::json(packageId(pkg)) << ", \"versionInfo\": "
			<< J::json(pkg.version) << ", \"supplier\": \"NOASSERTION\", \"downloadLocation\": \"NOASSERTION\", \"filesAnalyzed\": false, "
			<< "\"sourceInfo\": " << J::json("acquired package info from " + pkg.location) << ", \"licenseConcluded\": \"NOASSERTION\", "
			<< "\"licenseDeclared\": " << J::json(pkg.license) << ", \"copyrightText\": \"NOASSERTION\", \"externalRefs\": ["
			<< "{\"referenceCategory\": \"" << packageManagerCategory(v) << "\", \"referenceType\": \"purl\", \"referenceLocator\": "
			<< J::json(pkg.purl) << "}]},\n";
	}
	out << "  {\"name\": " << J::json(subject.imageName()) << ", \"SPDXID\": " << J::json(rootId(subject)) << ", \"versionInfo\": "
		<< J::json(subject.imageVersion()) << ", \"supplier\": \"NOASSERTION\", \"downloadLocation\": \"NOASSERTION\", \"filesAnalyzed\": false, "
		<< "\"checksums\": [{\"algorithm\": \"SHA256\", \"checksumValue\": " << J::json(subject.manifest.digest.substr(7)) << "}]";
	if (v >= "2.3") out << ", \"primaryPackagePurpose\": \"CONTAINER\"";
	out << ", \"licenseConcluded\": \"NOASSERTION\", \"licenseDeclared\": \"NOASSERTION\", \"copyrightText\": \"NOASSERTION\"}\n ],\n"
		<< " \"relationships\": [\n  {\"spdxElementId\": \"SPDXRef-DOCUMENT\", \"relatedSpdxElement\": " << J::json(rootId(subject))
		<< ", \"relationshipType\": \"DESCRIBES\"}";
	for (const Package& pkg: subject.packages)
	{
		out << ",\n  {\"spdxElementId\": " << J::json(rootId(subject)) << ", \"relatedSpdxElement\": " << J::json(packageId(pkg))
			<< ", \"relationshipType\": \"CONTAINS\"}";
	}
	out << "\n ]\n}\n";
}


void SpdxWriter::writeJson3(std::ostream& out, const ScanSubject& subject)
{
	using J = Escaping;
	const std::string ns = documentNamespace(subject) + "#";
	out << "{\n \"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\n \"@graph\": [\n"
		<< "  {\"type\": \"CreationInfo\", \"@id\": \"_:creationinfo\", \"createdBy\": [\"https://anchore.com/syft#Organization\"], "
		<< "\"specVersion\": \"3.0.1\", \"created\": " << J::json(subject.timestamp) << "},\n"
		<< "  {\"type\": \"Organization\", \"spdxId\": \"https://anchore.com/syft#Organization\", \"creationInfo\": \"_:creationinfo\", "
		<< "\"name\": \"Anchore, Inc\"},\n"
		<< "  {\"type\": \"SpdxDocument\", \"spdxId\": " << J::json(ns + "SPDXRef-DOCUMENT") << ", \"creationInfo\": \"_:creationinfo\", "
		<< "\"name\": " << J::json(subject.imageName()) << ", \"rootElement\": [" << J::json(ns + rootId(subject)) << "], "
		<< "\"profileConformance\": [\"core\", \"software\"]},\n"
		<< "  {\"type\": \"software_Package\", \"spdxId\": " << J::json(ns + rootId(subject)) << ", \"creationInfo\": \"_:creationinfo\", "
		<< "\"name\": " << J::json(subject.imageName()) << ", \"software_packageVersion\": " << J::json(subject.imageVersion())
		<< ", \"software_primaryPurpose\": \"container\"}";
	for (const Package& pkg: subject.packages)
	{
		out << ",\n  {\"type\": \"software_Package\", \"spdxId\": " << J::json(ns + packageId(pkg)) << ", \"creationInfo\": \"_:creationinfo\", "
			<< "\"name\": " << J::json(pkg.name) << ", \"software_packageVersion\": " << J::json(pkg.version)
			<< ", \"software_packageUrl\": " << J::json(pkg.purl) << "},\n"
			<< "  {\"type\": \"Relationship\", \"spdxId\": " << J::json(ns + "SPDXRef-Relationship-" + pkg.id)
			<< ", \"creationInfo\": \"_:creationinfo\", \"from\": " << J::json(ns + rootId(subject)) << ", \"to\": ["
			<< J::json(ns + packageId(pkg)) << "], \"relationshipType\": \"contains\"}";
	}
	out << "\n ]\n}\n";
}


void SpdxWriter::writeTagValue(std::ostream& out, const ScanSubject& subject, const std::string& v)
{
	out << "SPDXVersion: SPDX-" << v << "\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: " << subject.imageName()
		<< "\nDocumentNamespace: " << documentNamespace(subject) << "\nLicenseListVersion: " << LICENSE_LIST_VERSION
		<< "\nCreator: Organization: Anchore, Inc\nCreator: Tool: syft-" << ScanSubject::SYFT_VERSION
		<< "\nCreated: " << subject.timestamp << "\n\n";
	out << "##### Package: " << subject.imageName() << "\n\nPackageName: " << subject.imageName() << "\nSPDXID: " << rootId(subject)
		<< "\nPackageVersion: " << subject.imageVersion() << "\nPackageSupplier: NOASSERTION\nPackageDownloadLocation: NOASSERTION"
		<< "\nFilesAnalyzed: false\nPackageChecksum: SHA256: " << subject.manifest.digest.substr(7)
		<< "\nPackageLicenseConcluded: NOASSERTION\nPackageLicenseDeclared: NOASSERTION\nPackageCopyrightText: NOASSERTION\n\n";
	for (const Package& pkg: subject.packages)
	{
		out << "##### Package: " << pkg.name << "\n\nPackageName: " << pkg.name << "\nSPDXID: " << packageId(pkg)
			<< "\nPackageVersion: " << pkg.version << "\nPackageSupplier: NOASSERTION\nPackageDownloadLocation: NOASSERTION"
			<< "\nFilesAnalyzed: false\nPackageSourceInfo: acquired package info from " << pkg.location
			<< "\nPackageLicenseConcluded: NOASSERTION\nPackageLicenseDeclared: " << pkg.license
			<< "\nPackageCopyrightText: NOASSERTION\nExternalRef: " << packageManagerCategory(v) << " purl " << pkg.purl << "\n\n";
	}
	out << "##### Relationships\n\nRelationship: SPDXRef-DOCUMENT DESCRIBES " << rootId(subject) << "\n";
	for (const Package& pkg: subject.packages)
	{
		out << "Relationship: " << rootId(subject) << " CONTAINS " << packageId(pkg) << "\n";
	}
}


} } // namespace sbomop::syftdouble
