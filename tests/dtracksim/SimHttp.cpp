//
// SimHttp.cpp
//

#include "SimHttp.h"
#include "common/Base64Text.h"
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>
#include <sstream>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

Object::Ptr HttpResult::object() const
{
	Poco::JSON::Parser parser;
	return parser.parse(body).extract<Object::Ptr>();
}

Array::Ptr HttpResult::array() const
{
	Poco::JSON::Parser parser;
	return parser.parse(body).extract<Array::Ptr>();
}

SimHttp::SimHttp(Poco::UInt16 port, const std::string& apiKey):
	_port(port),
	_apiKey(apiKey),
	_timeout(10, 0)
{
}

void SimHttp::setApiKey(const std::string& apiKey)
{
	_apiKey = apiKey;
}

void SimHttp::setTimeout(const Poco::Timespan& timeout)
{
	_timeout = timeout;
}

HttpResult SimHttp::request(const std::string& method, const std::string& path, const std::string& body,
	const std::string& contentType, const FormFields& extraHeaders) const
{
	Poco::Net::HTTPClientSession session("127.0.0.1", _port);
	session.setTimeout(_timeout);
	Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
	if (!_apiKey.empty()) request.set("X-Api-Key", _apiKey);
	for (const auto& header: extraHeaders) request.set(header.first, header.second);
	if (!contentType.empty()) request.setContentType(contentType);
	if (!body.empty() || method == "PUT" || method == "POST" || method == "PATCH")
		request.setContentLength(static_cast<std::streamsize>(body.size()));
	std::ostream& out = session.sendRequest(request);
	out.write(body.data(), static_cast<std::streamsize>(body.size()));

	Poco::Net::HTTPResponse response;
	std::istream& in = session.receiveResponse(response);
	HttpResult result;
	result.status = response.getStatus();
	Poco::StreamCopier::copyToString(in, result.body);
	result.contentType = response.getContentType() == Poco::Net::HTTPMessage::UNKNOWN_CONTENT_TYPE ? "" : response.getContentType();
	for (const auto& header: response) result.headers.add(header.first, header.second);
	return result;
}

HttpResult SimHttp::get(const std::string& path) const
{
	return request("GET", path);
}

HttpResult SimHttp::json(const std::string& method, const std::string& path, const std::string& body) const
{
	return request(method, path, body, "application/json");
}

HttpResult SimHttp::upload(const FormFields& fields, const std::string& bom, bool bomAsFile) const
{
	Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
	for (const auto& field: fields) form.add(field.first, field.second);
	if (bomAsFile) form.addPart("bom", new Poco::Net::StringPartSource(bom, "application/json", "sbom.json"));
	else form.add("bom", bom);
	Poco::Net::HTTPRequest prepared(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/bom");
	std::ostringstream body;
	form.prepareSubmit(prepared);
	form.write(body);
	return request("POST", "/api/v1/bom", body.str(), prepared.getContentType());
}

HttpResult SimHttp::uploadBase64(Object::Ptr request, const std::string& bom) const
{
	request->set("bom", sbomop::testcommon::base64(bom));
	std::ostringstream body;
	request->stringify(body);
	return json("PUT", "/api/v1/bom", body.str());
}

namespace Boms
{
	std::string cyclonedxJson(const std::string& specVersion, const std::string& componentsJson)
	{
		return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"" + specVersion + "\",\"version\":1,"
			"\"metadata\":{\"component\":{\"type\":\"container\",\"name\":\"ghcr.io/acme/app\"}},"
			"\"components\":" + componentsJson + "}";
	}

	std::string component(const std::string& name, const std::string& nested)
	{
		return "{\"type\":\"library\",\"name\":\"" + name + "\",\"version\":\"1.0\""
			+ (nested.empty() ? "" : ",\"components\":" + nested) + "}";
	}

	std::string simple(int components)
	{
		std::string list = "[";
		for (int i = 0; i < components; ++i) list += (i ? "," : "") + component("lib" + std::to_string(i));
		return cyclonedxJson("1.6", list + "]");
	}

	std::string cyclonedxXml(const std::string& specVersion)
	{
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			"<bom xmlns=\"http://cyclonedx.org/schema/bom/" + specVersion + "\" version=\"1\">"
			"<metadata><component type=\"container\"><name>ghcr.io/acme/app</name></component></metadata>"
			"<components>"
			"<component type=\"library\"><name>a</name></component>"
			"<component type=\"library\"><name>b</name><components>"
			"<component type=\"library\"><name>b-inner</name></component>"
			"</components></component>"
			"</components></bom>";
	}

	std::string spdxJson()
	{
		return "{\"spdxVersion\":\"SPDX-2.3\",\"dataLicense\":\"CC0-1.0\",\"SPDXID\":\"SPDXRef-DOCUMENT\","
			"\"name\":\"app\",\"packages\":[{\"name\":\"lib\",\"SPDXID\":\"SPDXRef-lib\"}]}";
	}

	std::string spdxTagValue()
	{
		return "SPDXVersion: SPDX-2.2\nDataLicense: CC0-1.0\n";
	}
}

} } // namespace sbomop::dtracksim
