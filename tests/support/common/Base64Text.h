//
// Base64Text.h
//
// Standard base64 of test data (pull secrets, basic-auth headers, Secret
// values), the way Kubernetes and Docker write it.
//

#ifndef SBOMOP_TestCommon_Base64Text_INCLUDED
#define SBOMOP_TestCommon_Base64Text_INCLUDED

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/StreamCopier.h>
#include <sstream>
#include <string>

namespace sbomop {
namespace testcommon {

std::string base64(const std::string& text, int lineLength = 0);
	/// Padded standard base64 of `text`: on one line by default, as Kubernetes
	/// and Docker want it; with `lineLength` > 0 broken into lines of that
	/// many characters (72 is what Poco writes by default). Thread-safe.

std::string unbase64(const std::string& text);
	/// Decodes standard base64 (line breaks allowed). Thread-safe.
	/// Throws Poco::DataFormatException on bad input.

std::string basicAuthorization(const std::string& user, const std::string& password);
	/// The value of an HTTP `Authorization` header for basic auth:
	/// "Basic " + base64(user + ":" + password). Thread-safe.

//
// Inline implementation: header-only, so that sources compiled into other
// targets (benchmarks, other suites) need no extra library.
//
inline std::string base64(const std::string& text, int lineLength)
{
	std::ostringstream out;
	Poco::Base64Encoder encoder(out);
	encoder.rdbuf()->setLineLength(lineLength);
	encoder << text;
	encoder.close();
	return out.str();
}

inline std::string unbase64(const std::string& text)
{
	std::istringstream in(text);
	Poco::Base64Decoder decoder(in);
	std::string result;
	Poco::StreamCopier::copyToString(decoder, result);
	return result;
}

inline std::string basicAuthorization(const std::string& user, const std::string& password)
{
	return "Basic " + base64(user + ":" + password);
}

} } // namespace sbomop::testcommon

#endif // SBOMOP_TestCommon_Base64Text_INCLUDED
