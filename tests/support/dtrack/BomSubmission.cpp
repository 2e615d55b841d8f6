//
// BomSubmission.cpp
//

#include "dtrack/BomSubmission.h"
#include <Poco/Ascii.h>
#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <sstream>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

namespace
{
	std::optional<std::string> optionalString(const Object::Ptr& body, const std::string& name)
	{
		if (!body->has(name) || body->isNull(name)) return std::nullopt;
		return body->get(name).toString();
	}

	bool jsonFlag(const Object::Ptr& body, const std::string& name)
	{
		if (!body->has(name) || body->isNull(name)) return false;
		const Poco::Dynamic::Var value = body->get(name);
		if (value.isBoolean()) return value.extract<bool>();
		return Poco::icompare(value.toString(), "true") == 0;
	}

	std::optional<std::string> formField(const Poco::Net::NameValueCollection& fields, const std::string& name)
	{
		if (!fields.has(name)) return std::nullopt;
		return fields.get(name);
	}

	bool formFlag(const Poco::Net::NameValueCollection& fields, const std::string& name)
	{
		// Jersey converts a boolean @FormDataParam like Boolean.valueOf.
		return Poco::icompare(Poco::trim(fields.get(name, "false")), "true") == 0;
	}

	// java.util.Base64.getDecoder(): the RFC 4648 alphabet, no line breaks,
	// padding optional but only at the end.
	bool isBase64(const std::string& text)
	{
		std::size_t data = 0;
		std::size_t padding = 0;
		for (char c: text)
		{
			if (c == '=')
			{
				++padding;
				continue;
			}
			if (padding > 0) return false;
			if (!Poco::Ascii::isAlphaNumeric(c) && c != '+' && c != '/') return false;
			++data;
		}
		if (padding > 2 || data % 4 == 1) return false;
		return padding == 0 || (data + padding) % 4 == 0;
	}

	std::string decodeBase64(const std::string& text)
	{
		if (!isBase64(text)) throw Poco::DataFormatException("bom is not base64");
		std::string encoded = text;
		while (encoded.size() % 4 != 0) encoded += '=';
		std::istringstream in(encoded);
		Poco::Base64Decoder decoder(in);
		std::string decoded;
		Poco::StreamCopier::copyToString(decoder, decoded);
		return decoded;
	}
}

BomSubmission BomSubmission::fromJson(const Object::Ptr& body)
{
	BomSubmission s;
	s.transport = "base64";
	s.project = optionalString(body, "project");
	s.projectName = optionalString(body, "projectName");
	s.projectVersion = optionalString(body, "projectVersion");
	s.autoCreate = jsonFlag(body, "autoCreate");
	s.parentUuid = optionalString(body, "parentUUID");
	s.parentName = optionalString(body, "parentName");
	s.parentVersion = optionalString(body, "parentVersion");
	s.isLatest = jsonFlag(body, "isLatest") || jsonFlag(body, "isLatestProjectVersion");
	if (body->has("projectTags") && !body->isNull("projectTags"))
	{
		std::vector<std::string> tags;
		Array::Ptr list = body->getArray("projectTags");
		for (std::size_t i = 0; list && i < list->size(); ++i)
		{
			Object::Ptr tag = list->getObject(static_cast<unsigned>(i));
			if (tag && tag->has("name") && !tag->isNull("name")) tags.push_back(tag->getValue<std::string>("name"));
		}
		s.projectTags = tags;
	}
	if (body->has("bom") && !body->isNull("bom"))
	{
		const std::string encoded = body->getValue<std::string>("bom");
		s.encodedBomLength = encoded.size();
		if (encoded.size() <= maxEncodedLength()) s.bom = decodeBase64(encoded);
	}
	return s;
}

BomSubmission BomSubmission::fromForm(const Poco::Net::NameValueCollection& fields, const std::optional<std::string>& bomFile)
{
	BomSubmission s;
	s.transport = "multipart";
	s.project = formField(fields, "project");
	s.projectName = formField(fields, "projectName");
	s.projectVersion = formField(fields, "projectVersion");
	s.autoCreate = formFlag(fields, "autoCreate");
	s.parentUuid = formField(fields, "parentUUID");
	s.parentName = formField(fields, "parentName");
	s.parentVersion = formField(fields, "parentVersion");
	s.isLatest = formFlag(fields, "isLatest");
	const std::optional<std::string> tags = formField(fields, "projectTags");
	// BomResource: null or blank means "no tags", otherwise split on commas.
	if (tags && !Poco::trim(*tags).empty())
	{
		Poco::StringTokenizer names(*tags, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
		s.projectTags = std::vector<std::string>(names.begin(), names.end());
	}
	if (bomFile) s.bom = bomFile;
	else s.bom = formField(fields, "bom");
	return s;
}

std::size_t BomSubmission::maxEncodedLength()
{
	return 20000000;
}

} } // namespace sbomop::dtracksim
