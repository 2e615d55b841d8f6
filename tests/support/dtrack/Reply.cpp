//
// Reply.cpp
//

#include "dtrack/Reply.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <sstream>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

namespace
{
	std::string stringify(const Poco::Dynamic::Var& value)
	{
		std::ostringstream out;
		if (value.type() == typeid(Array::Ptr)) value.extract<Array::Ptr>()->stringify(out);
		else if (value.type() == typeid(Object::Ptr)) value.extract<Object::Ptr>()->stringify(out);
		else out << value.toString();
		return out.str();
	}
}

Reply Reply::json(int status, const Poco::Dynamic::Var& value)
{
	Reply reply;
	reply.status = status;
	reply.contentType = "application/json";
	reply.body = stringify(value);
	return reply;
}

Reply Reply::message(int status, const std::string& text)
{
	Reply reply;
	reply.status = status;
	reply.contentType = "application/json";
	reply.body = text;
	return reply;
}

Reply Reply::empty(int status)
{
	Reply reply;
	reply.status = status;
	return reply;
}

Reply Reply::text(int status, const std::string& text)
{
	Reply reply;
	reply.status = status;
	reply.contentType = "text/plain";
	reply.body = text;
	return reply;
}

Reply Reply::problem(int status, const std::string& title, const std::string& detail, const std::vector<std::string>& errors)
{
	Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	body->set("status", status);
	body->set("title", title);
	body->set("detail", detail);
	if (!errors.empty())
	{
		Array::Ptr list = new Array;
		for (const auto& error: errors) list->add(error);
		body->set("errors", list);
	}
	Reply reply = json(status, body);
	reply.contentType = "application/problem+json";
	return reply;
}

Reply Reply::validationError(const std::string& path, const std::string& message, const std::string& invalidValue)
{
	Object::Ptr violation = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	violation->set("message", message);
	violation->set("messageTemplate", "{javax.validation.constraints.NotBlank.message}");
	violation->set("path", path);
	violation->set("invalidValue", invalidValue);
	Array::Ptr list = new Array;
	list->add(violation);
	return json(400, list);
}

Reply& Reply::header(const std::string& name, const std::string& value)
{
	headers.emplace_back(name, value);
	return *this;
}

void Reply::send(Poco::Net::HTTPServerResponse& response) const
{
	response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
	for (const auto& h: headers) response.set(h.first, h.second);
	if (!contentType.empty()) response.setContentType(contentType);
	response.setContentLength(static_cast<std::streamsize>(body.size()));
	if (body.empty() || status == 204 || status == 304) response.send().flush();
	else response.sendBuffer(body.data(), body.size());
}

} } // namespace sbomop::dtracksim
