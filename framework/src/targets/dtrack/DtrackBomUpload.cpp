//
// DtrackBomUpload.cpp
//

#include "sbomop/targets/dtrack/DtrackBomUpload.h"
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/String.h>
#include <sstream>

namespace sbomop {
namespace targets {

namespace
{
	const std::size_t MAX_TAG_LENGTH = 255;
}


bool DtrackBomUpload::tagsFitForm(const std::vector<std::string>& tags)
{
	for (const auto& tag: tags)
	{
		const std::string trimmed = Poco::trim(tag);
		if (trimmed.empty() || trimmed.size() > MAX_TAG_LENGTH || tag.find(',') != std::string::npos) return false;
	}
	return true;
}


void DtrackBomUpload::restrictTo(const DtrackServerVersion& version)
{
	if (projectTags && (!version.acceptsTagsInUpload() || !tagsFitForm(*projectTags))) projectTags.reset();
	if (isLatest && !version.acceptsLatestInUpload()) isLatest.reset();
	if (!version.acceptsParentInUpload()) parentUuid.clear();
}


std::vector<std::pair<std::string, std::string>> DtrackBomUpload::fields() const
{
	std::vector<std::pair<std::string, std::string>> result;
	result.emplace_back("projectName", projectName);
	result.emplace_back("projectVersion", projectVersion);
	result.emplace_back("autoCreate", autoCreate ? "true" : "false");
	if (projectTags) result.emplace_back("projectTags", Poco::cat(std::string(","), projectTags->begin(), projectTags->end()));
	if (!parentUuid.empty()) result.emplace_back("parentUUID", parentUuid);
	if (isLatest) result.emplace_back("isLatest", *isLatest ? "true" : "false");
	return result;
}


std::string DtrackBomUpload::encode(const std::string& boundary) const
{
	Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
	for (const auto& field: fields()) form.add(field.first, field.second);
	form.addPart("bom", new Poco::Net::StringPartSource(bom, bomMediaType, "bom"));
	std::ostringstream body;
	form.write(body, boundary);
	return body.str();
}


std::string DtrackBomUpload::contentType(const std::string& boundary)
{
	return "multipart/form-data; boundary=" + boundary;
}


} } // namespace sbomop::targets
