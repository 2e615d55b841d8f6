//
// DtrackBomUploadTest.cpp
//
// Which fields an upload carries for which server version, and the
// multipart encoding.
//

#include "sbomop/targets/dtrack/DtrackBomUpload.h"
#include "sbomop/targets/dtrack/DtrackServerVersion.h"
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using sbomop::targets::DtrackBomUpload;
using sbomop::targets::DtrackServerVersion;

namespace {

DtrackBomUpload fullUpload()
{
	DtrackBomUpload upload;
	upload.projectName = "docker.io/library/nginx";
	upload.projectVersion = "1.25";
	upload.projectTags = std::vector<std::string>{"kubernetes-cluster=prod", "sbom-operator"};
	upload.parentUuid = "0b6a4f43-3c0e-4f9a-9a57-2a3d5b8e6c90";
	upload.isLatest = true;
	upload.bom = "{\"bomFormat\":\"CycloneDX\"}";
	return upload;
}

std::string names(const DtrackBomUpload& upload)
{
	std::string text;
	for (const auto& field: upload.fields()) text += (text.empty() ? "" : ",") + field.first;
	return text;
}

class BomPart: public Poco::Net::PartHandler
{
public:
	std::string content;
	std::string type;

	void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override
	{
		type = header.get("Content-Type", "");
		Poco::StreamCopier::copyToString(stream, content);
	}
};

}

class DtrackBomUploadTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackBomUploadTest);
	CPPUNIT_TEST(testVersionParsingIgnoresSuffixes);
	CPPUNIT_TEST(testUnparsableVersionIsUnknown);
	CPPUNIT_TEST(testVersionComparisonOrdersComponents);
	CPPUNIT_TEST(testServer414CarriesEveryField);
	CPPUNIT_TEST(testServer411CarriesParentButNoTagsOrLatest);
	CPPUNIT_TEST(testServer47CarriesOnlyTheProject);
	CPPUNIT_TEST(testUnknownServerCarriesOnlyTheProject);
	CPPUNIT_TEST(testTagsWithCommasAreLeftToPatch);
	CPPUNIT_TEST(testFieldValuesAreDependencyTrackSpelling);
	CPPUNIT_TEST(testEncodingIsAReadableMultipartForm);
	CPPUNIT_TEST_SUITE_END();

public:
	void testVersionParsingIgnoresSuffixes()
	{
		const DtrackServerVersion v = DtrackServerVersion::parse("5.0.4-SNAPSHOT");
		CPPUNIT_ASSERT(v.known());
		CPPUNIT_ASSERT_EQUAL(5, v.majorNumber());
		CPPUNIT_ASSERT_EQUAL(0, v.minorNumber());
		CPPUNIT_ASSERT_EQUAL(4, v.patchNumber());
		CPPUNIT_ASSERT_EQUAL(std::string("4.12.0"), DtrackServerVersion::parse("4.12").string());
	}

	void testUnparsableVersionIsUnknown()
	{
		CPPUNIT_ASSERT(!DtrackServerVersion::parse("").known());
		CPPUNIT_ASSERT(!DtrackServerVersion::parse("four").known());
		CPPUNIT_ASSERT(!DtrackServerVersion::parse("4.x.1").known());
		CPPUNIT_ASSERT_EQUAL(std::string("unknown"), DtrackServerVersion().string());
		CPPUNIT_ASSERT(!DtrackServerVersion().atLeast(0, 0, 0));
	}

	void testVersionComparisonOrdersComponents()
	{
		CPPUNIT_ASSERT(DtrackServerVersion::parse("4.12.0").atLeast(4, 12));
		CPPUNIT_ASSERT(!DtrackServerVersion::parse("4.11.7").atLeast(4, 12));
		CPPUNIT_ASSERT(DtrackServerVersion::parse("5.0.0").atLeast(4, 12));
		CPPUNIT_ASSERT(DtrackServerVersion::parse("4.8.0").acceptsParentInUpload());
		CPPUNIT_ASSERT(!DtrackServerVersion::parse("4.7.9").acceptsParentInUpload());
	}

	void testServer414CarriesEveryField()
	{
		DtrackBomUpload upload = fullUpload();
		upload.restrictTo(DtrackServerVersion::parse("4.14.3"));
		CPPUNIT_ASSERT_EQUAL(std::string("projectName,projectVersion,autoCreate,projectTags,parentUUID,isLatest"), names(upload));
		upload = fullUpload();
		upload.restrictTo(DtrackServerVersion::parse("5.0.4"));
		CPPUNIT_ASSERT_EQUAL(std::string("projectName,projectVersion,autoCreate,projectTags,parentUUID,isLatest"), names(upload));
	}

	void testServer411CarriesParentButNoTagsOrLatest()
	{
		DtrackBomUpload upload = fullUpload();
		upload.restrictTo(DtrackServerVersion::parse("4.11.7"));
		CPPUNIT_ASSERT_EQUAL(std::string("projectName,projectVersion,autoCreate,parentUUID"), names(upload));
	}

	void testServer47CarriesOnlyTheProject()
	{
		DtrackBomUpload upload = fullUpload();
		upload.restrictTo(DtrackServerVersion::parse("4.7.0"));
		CPPUNIT_ASSERT_EQUAL(std::string("projectName,projectVersion,autoCreate"), names(upload));
	}

	void testUnknownServerCarriesOnlyTheProject()
	{
		DtrackBomUpload upload = fullUpload();
		upload.restrictTo(DtrackServerVersion());
		CPPUNIT_ASSERT_EQUAL(std::string("projectName,projectVersion,autoCreate"), names(upload));
	}

	void testTagsWithCommasAreLeftToPatch()
	{
		DtrackBomUpload upload = fullUpload();
		upload.projectTags->push_back("note=a,b");
		upload.restrictTo(DtrackServerVersion::parse("4.14.3"));
		CPPUNIT_ASSERT(!upload.projectTags);
		CPPUNIT_ASSERT(!DtrackBomUpload::tagsFitForm({std::string(256, 'x')}));
		CPPUNIT_ASSERT(DtrackBomUpload::tagsFitForm({std::string(255, 'x')}));
	}

	void testFieldValuesAreDependencyTrackSpelling()
	{
		const auto fields = fullUpload().fields();
		CPPUNIT_ASSERT_EQUAL(std::string("true"), fields[2].second);
		CPPUNIT_ASSERT_EQUAL(std::string("kubernetes-cluster=prod,sbom-operator"), fields[3].second);
		CPPUNIT_ASSERT_EQUAL(std::string("0b6a4f43-3c0e-4f9a-9a57-2a3d5b8e6c90"), fields[4].second);
		CPPUNIT_ASSERT_EQUAL(std::string("true"), fields[5].second);
	}

	void testEncodingIsAReadableMultipartForm()
	{
		const DtrackBomUpload upload = fullUpload();
		std::istringstream body(upload.encode("boundary-1234"));
		Poco::Net::HTMLForm form;
		BomPart part;
		Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/bom");
		request.setContentType(DtrackBomUpload::contentType("boundary-1234"));
		form.load(request, body, part);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx"), form.get("projectName"));
		CPPUNIT_ASSERT_EQUAL(std::string("1.25"), form.get("projectVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("kubernetes-cluster=prod,sbom-operator"), form.get("projectTags"));
		CPPUNIT_ASSERT_EQUAL(upload.bom, part.content);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json"), part.type);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackBomUploadTest, "DtrackTarget");
