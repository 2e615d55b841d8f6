//
// BomResource.cpp
//

#include "dtrack/BomResource.h"
#include "dtrack/CycloneDxInspector.h"
#include "dtrack/DtrackSimException.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <memory>

using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

namespace
{
	class BomPartHandler: public Poco::Net::PartHandler
		// Receives the file parts of the form; keeps the first `bom` one
		// (DT processes only the first artifact part).
	{
	public:
		std::optional<std::string> bom;

		void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override
		{
			std::string disposition;
			Poco::Net::NameValueCollection params;
			Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
			std::string content;
			Poco::StreamCopier::copyToString(stream, content);
			if (params.get("name", "") == "bom" && !bom) bom = std::move(content);
		}
	};

	std::optional<std::string> trimToNull(const std::optional<std::string>& value)
	{
		if (!value) return std::nullopt;
		const std::string trimmed = Poco::trim(*value);
		if (trimmed.empty()) return std::nullopt;
		return trimmed;
	}

	bool hasMediaType(const Poco::Net::HTTPServerRequest& request, const std::string& type)
	{
		std::string mediaType;
		Poco::Net::NameValueCollection params;
		Poco::Net::MessageHeader::splitParameters(request.getContentType(), mediaType, params);
		return Poco::icompare(Poco::trim(mediaType), type) == 0;
	}

	const int MAX_FORM_VALUE_LENGTH = 1 << 30;
}

BomResource::BomResource(ProjectStore& store):
	_store(store)
{
}

Reply BomResource::handle(const std::string& method, const RequestTarget& target,
	Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions)
{
	const std::vector<std::string>& s = target.segments();
	// s = {"api", "v1", "bom" | "event", ...}
	if (s[2] == "event")
	{
		if (s.size() != 5 || s[3] != "token") return Reply::empty(404);
		if (method != "GET") return Reply::empty(405);
		return tokenStatus(s[4]);
	}
	if (s.size() == 5 && s[3] == "token")
	{
		if (method != "GET") return Reply::empty(405);
		if (!permissions.has(Permission::BOM_UPLOAD)) return Reply::empty(403);
		return tokenStatus(s[4]);
	}
	if (s.size() != 3) return Reply::empty(404);
	if (method != "PUT" && method != "POST") return Reply::empty(405);
	if (!permissions.has(Permission::BOM_UPLOAD)) return Reply::empty(403);
	if (method == "PUT")
	{
		if (!hasMediaType(request, "application/json")) return Reply::empty(415);
		return uploadBase64(request, permissions);
	}
	if (!hasMediaType(request, "multipart/form-data")) return Reply::empty(415);
	return uploadMultipart(request, permissions);
}

Reply BomResource::uploadBase64(Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions)
{
	std::string body;
	Poco::StreamCopier::copyToString(request.stream(), body);
	Object::Ptr json;
	try
	{
		Poco::JSON::Parser parser;
		const Poco::Dynamic::Var parsed = parser.parse(body);
		if (parsed.type() == typeid(Object::Ptr)) json = parsed.extract<Object::Ptr>();
	}
	catch (Poco::Exception&)
	{
	}
	if (!json) return Reply::text(400, "Unable to process JSON");

	BomSubmission submission;
	try
	{
		submission = BomSubmission::fromJson(json);
	}
	catch (Poco::DataFormatException&)
	{
		// DT decodes through Base64.getDecoder().wrap(); the IOException it
		// raises for a bad character ends in a bare 500.
		return Reply::empty(500);
	}
	if (submission.encodedBomLength > BomSubmission::maxEncodedLength())
	{
		const std::string length = std::to_string(submission.encodedBomLength);
		const std::string max = std::to_string(BomSubmission::maxEncodedLength());
		return Reply::problem(400, "The provided JSON payload could not be mapped",
			"The BOM is too large to be transmitted safely via Base64 encoded JSON value. "
			"Please use the \"POST /api/v1/bom\" endpoint with Content-Type \"multipart/form-data\" instead. "
			"Original cause: String value length (" + length + ") exceeds the maximum allowed (" + max
			+ ", from `StreamReadConstraints.getMaxStringLength()`) (through reference chain: "
			"org.dependencytrack.resources.v1.vo.BomSubmitRequest[\"bom\"])");
	}
	return submit(submission, permissions);
}

Reply BomResource::uploadMultipart(Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions)
{
	BomPartHandler parts;
	Poco::Net::HTMLForm form;
	form.setValueLengthLimit(MAX_FORM_VALUE_LENGTH);
	try
	{
		form.load(request, request.stream(), parts);
	}
	catch (Poco::Exception&)
	{
		return Reply::empty(400);
	}
	return submit(BomSubmission::fromForm(form, parts.bom), permissions);
}

Reply BomResource::submit(const BomSubmission& submission, const PermissionSet& permissions)
{
	std::optional<Project> project;
	if (submission.project)
	{
		project = _store.find(*submission.project);
	}
	else
	{
		const std::optional<std::string> name = trimToNull(submission.projectName);
		if (name) project = _store.find(*name, trimToNull(submission.projectVersion));
		if (!project && name && submission.autoCreate)
		{
			if (!permissions.hasAny({Permission::PORTFOLIO_MANAGEMENT, Permission::PROJECT_CREATION_UPLOAD}))
				return Reply::message(401, "The principal does not have permission to create project.");
			Reply failure = createProject(submission, project);
			if (!project) return failure;
		}
		else if (project && submission.projectTags && permissions.has(Permission::PORTFOLIO_MANAGEMENT))
		{
			_store.replaceTags(project->uuid, *submission.projectTags);
		}
	}
	if (!project) return Reply::message(404, "The project could not be found.");
	// A multipart request without a `bom` part falls out of DT's loop with
	// an empty 200.
	if (!submission.bom) return Reply::empty(200);

	const BomInspection inspection = CycloneDxInspector::inspect(*submission.bom);
	if (!inspection.valid)
		return Reply::problem(400, "The uploaded BOM is invalid", inspection.detail, inspection.errors);

	BomUpload upload;
	upload.projectUuid = project->uuid;
	upload.format = inspection.format;
	upload.specVersion = inspection.specVersion;
	upload.componentCount = inspection.componentCount;
	upload.transport = submission.transport;
	upload.document = std::make_shared<const std::string>(*submission.bom);
	try
	{
		const std::string token = _store.recordUpload(upload);
		Object::Ptr json = new Object;
		json->set("token", token);
		return Reply::json(200, json);
	}
	catch (Poco::NotFoundException&)
	{
		// Deleted by a concurrent request.
		return Reply::message(404, "The project could not be found.");
	}
}

Reply BomResource::createProject(const BomSubmission& submission, std::optional<Project>& project)
{
	Project draft;
	draft.name = Poco::trim(*submission.projectName);
	draft.version = trimToNull(submission.projectVersion);
	draft.isLatest = submission.isLatest;
	if (submission.projectTags) draft.setTags(*submission.projectTags);
	if (submission.parentUuid || submission.parentName)
	{
		const std::optional<Project> parent = submission.parentUuid
			? _store.find(*submission.parentUuid)
			: _store.find(Poco::trim(*submission.parentName), trimToNull(submission.parentVersion));
		if (!parent) return Reply::message(404, "The parent project could not be found.");
		draft.parentUuid = parent->uuid;
	}
	try
	{
		project = _store.create(draft);
		return Reply::empty(200);
	}
	catch (ProjectConflictException& e)
	{
		return Reply::message(409, e.message());
	}
	catch (Poco::NotFoundException&)
	{
		return Reply::message(404, "The parent project could not be found.");
	}
}

Reply BomResource::tokenStatus(const std::string& token) const
{
	Object::Ptr json = new Object;
	json->set("processing", _store.isProcessing(token));
	return Reply::json(200, json);
}

} } // namespace sbomop::dtracksim
