//
// Base64Text.cpp
//

#include "common/Base64Text.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/StreamCopier.h>
#include <sstream>

namespace sbomop {
namespace testcommon {

std::string base64(const std::string& text, int lineLength)
{
	std::ostringstream out;
	Poco::Base64Encoder encoder(out);
	encoder.rdbuf()->setLineLength(lineLength);
	encoder << text;
	encoder.close();
	return out.str();
}

std::string unbase64(const std::string& text)
{
	std::istringstream in(text);
	Poco::Base64Decoder decoder(in);
	std::string result;
	Poco::StreamCopier::copyToString(decoder, result);
	return result;
}

std::string basicAuthorization(const std::string& user, const std::string& password)
{
	return "Basic " + base64(user + ":" + password);
}

} } // namespace sbomop::testcommon
