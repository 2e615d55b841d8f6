//
// ContinueToken.cpp
//

#include "kubesim/ContinueToken.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <sstream>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

std::string ContinueToken::encode() const
{
	Object::Ptr token = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	token->set("v", "meta.k8s.io/v1");
	token->set("rv", static_cast<Poco::UInt64>(resourceVersion));
	token->set("start", startKey);
	token->set("issued", static_cast<Poco::Int64>(issued.epochMicroseconds()));
	std::ostringstream out;
	Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
	encoder.rdbuf()->setLineLength(0);
	encoder << Json::stringify(token);
	encoder.close();
	return out.str();
}

ContinueToken ContinueToken::decode(const std::string& text)
{
	const std::string prefix = "invalid continue token: continue key is not valid: ";
	std::string json;
	try
	{
		std::istringstream in(text);
		Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
		std::ostringstream out;
		out << decoder.rdbuf();
		json = out.str();
	}
	catch (Poco::Exception&)
	{
		throw StatusError::badRequest(prefix + "illegal base64 data");
	}
	Object::Ptr object;
	try
	{
		object = Json::parseObject(json);
	}
	catch (Poco::Exception&)
	{
		throw StatusError::badRequest(prefix + "invalid character in token");
	}
	if (Json::string(object, "v") != "meta.k8s.io/v1")
		throw StatusError::badRequest("invalid continue token: continue key is not valid: unrecognized encoded version " + Json::string(object, "v"));
	ContinueToken token;
	try
	{
		token.resourceVersion = object->getValue<Poco::UInt64>("rv");
		token.startKey = Json::string(object, "start");
		if (object->has("issued")) token.issued = Poco::Timestamp(object->getValue<Poco::Int64>("issued"));
	}
	catch (Poco::Exception&)
	{
		throw StatusError::badRequest(prefix + "malformed fields");
	}
	if (token.resourceVersion == 0) throw StatusError::badRequest("invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
	if (token.startKey.empty()) throw StatusError::badRequest("invalid continue token: continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
	return token;
}

} } // namespace sbomop::kubesim
