//
// SimHttp.h
//
// A small HTTP client for the DtrackSim suite: plain requests, multipart and
// base64 BOM uploads against an in-process dtrack-sim, and the sample BOM
// documents the tests upload.
//

#ifndef SBOMOP_DtrackSimTest_SimHttp_INCLUDED
#define SBOMOP_DtrackSimTest_SimHttp_INCLUDED

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Timespan.h>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct HttpResult
{
	int status = 0;
	std::string body;
	std::string contentType;
	Poco::Net::NameValueCollection headers;

	Poco::JSON::Object::Ptr object() const;
		/// The body as a JSON object; throws when it is not one.
	Poco::JSON::Array::Ptr array() const;
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

class SimHttp
{
public:
	SimHttp(Poco::UInt16 port, const std::string& apiKey);

	void setApiKey(const std::string& apiKey);
		/// "" sends no X-Api-Key header.
	void setTimeout(const Poco::Timespan& timeout);

	HttpResult request(const std::string& method, const std::string& path, const std::string& body = "",
		const std::string& contentType = "", const FormFields& extraHeaders = {}) const;

	HttpResult get(const std::string& path) const;
	HttpResult json(const std::string& method, const std::string& path, const std::string& body) const;

	HttpResult upload(const FormFields& fields, const std::string& bom, bool bomAsFile = true) const;
		/// POST /api/v1/bom multipart/form-data; `bom` as a file part
		/// (filename sbom.json) or a plain field.

	HttpResult uploadBase64(Poco::JSON::Object::Ptr request, const std::string& bom) const;
		/// PUT /api/v1/bom with `bom` set to base64(bom).

private:
	Poco::UInt16 _port;
	std::string _apiKey;
	Poco::Timespan _timeout;
};

namespace Boms
{
	std::string cyclonedxJson(const std::string& specVersion, const std::string& componentsJson);
		/// {"bomFormat":"CycloneDX","specVersion":...,"version":1,
		/// "metadata":{"component":...},"components":<componentsJson>}.
	std::string component(const std::string& name, const std::string& nested = "");
		/// A library component, optionally with nested `components`.
	std::string simple(int components = 2);
		/// CycloneDX 1.6 JSON with that many flat components.
	std::string cyclonedxXml(const std::string& specVersion);
		/// Metadata component, two components, one of them with a nested one.
	std::string spdxJson();
	std::string spdxTagValue();
}

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSimTest_SimHttp_INCLUDED
