//
// DtrackClient.cpp
//

#include "sbomop/targets/dtrack/DtrackClient.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/targets/dtrack/DtrackException.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <Poco/UUIDGenerator.h>
#include <memory>
#include <sstream>

namespace sbomop {
namespace targets {

namespace
{
	const std::size_t MAX_BODY_IN_MESSAGE = 300;

	bool retryableStatus(int status)
	{
		return status == 500 || status == 502 || status == 503 || status == 504;
	}

	std::string segment(const std::string& value)
	{
		std::string encoded;
		Poco::URI::encode(value, "/?#&=+:@;,%", encoded);
		return encoded;
	}

	std::string query(const std::vector<std::pair<std::string, std::string>>& parameters)
	{
		std::string text;
		for (const auto& p: parameters)
		{
			std::string value;
			Poco::URI::encode(p.second, "/?#&=+:@;,%", value);
			text += (text.empty() ? "?" : "&") + p.first + "=" + value;
		}
		return text;
	}

	Poco::Dynamic::Var parseJson(const std::string& body, const std::string& what)
	{
		try
		{
			Poco::JSON::Parser parser;
			return parser.parse(body);
		}
		catch (Poco::Exception& e)
		{
			throw DtrackException(what + " answered malformed JSON: " + e.displayText());
		}
	}

	Poco::JSON::Object::Ptr parseObject(const std::string& body, const std::string& what)
	{
		const Poco::Dynamic::Var json = parseJson(body, what);
		if (json.type() != typeid(Poco::JSON::Object::Ptr)) throw DtrackException(what + " answered no JSON object");
		return json.extract<Poco::JSON::Object::Ptr>();
	}

	Poco::Net::Context::Ptr createContext(const DtrackClient::Options& options)
	{
		Poco::Net::Context::Params params;
		params.verificationMode = options.insecureSkipTlsVerify ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT;
		params.verificationDepth = 9;
		params.loadDefaultCAs = options.caCertFile.empty() && !options.insecureSkipTlsVerify;
		if (!options.insecureSkipTlsVerify) params.caLocation = options.caCertFile;
		params.certificateFile = options.clientCertFile;
		params.privateKeyFile = options.clientKeyFile;
		try
		{
			Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
			context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
			if (options.insecureSkipTlsVerify) context->enableExtendedCertificateVerification(false);
			return context;
		}
		catch (Poco::Exception& e)
		{
			// Names the files only: their content (a private key) must not leak.
			throw DtrackSetupException("cannot use the TLS files (CA " + (options.caCertFile.empty() ? std::string("system") : options.caCertFile)
				+ ", client certificate " + (options.clientCertFile.empty() ? std::string("none") : options.clientCertFile)
				+ ", client key " + (options.clientKeyFile.empty() ? std::string("none") : options.clientKeyFile)
				+ "): " + std::string(e.name()));
		}
	}
}


DtrackClient::DtrackClient(const Options& options):
	_options(options),
	_backoff(options.retryBase, options.retryCap, options.retryCap)
{
	std::string url = options.baseUrl;
	while (!url.empty() && url.back() == '/') url.pop_back();
	_options.baseUrl = url;
	try
	{
		_base = Poco::URI(url);
	}
	catch (Poco::Exception& e)
	{
		throw DtrackSetupException("invalid Dependency-Track base URL " + url + ": " + e.message());
	}
	if ((_base.getScheme() != "http" && _base.getScheme() != "https") || _base.getHost().empty()
		|| !_base.getQuery().empty() || !_base.getFragment().empty() || !_base.getUserInfo().empty())
	{
		throw DtrackSetupException("invalid Dependency-Track base URL " + url + ": expected http(s)://host[:port][/path]");
	}
	_basePath = _base.getPath();
	while (!_basePath.empty() && _basePath.back() == '/') _basePath.pop_back();
	Poco::Net::initializeSSL();
	if (_base.getScheme() == "https")
	{
		try
		{
			_context = createContext(_options);
		}
		catch (...)
		{
			Poco::Net::uninitializeSSL();
			throw;
		}
	}
}


DtrackClient::~DtrackClient()
{
	_context.reset();
	Poco::Net::uninitializeSSL();
}


const std::string& DtrackClient::baseUrl() const
{
	return _options.baseUrl;
}


DtrackServerVersion DtrackClient::serverVersion()
{
	std::lock_guard<std::mutex> lock(_versionMutex);
	if (_version) return *_version;
	const Response response = expect("GET", "/api/version", {200});
	const Poco::JSON::Object::Ptr json = parseObject(response.body, describe("GET", "/api/version"));
	_version = DtrackServerVersion::parse(json->optValue<std::string>("version", ""));
	return *_version;
}


std::string DtrackClient::uploadBom(const DtrackBomUpload& upload)
{
	const std::string boundary = "sbomop-" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
	const Response response = expect("POST", "/api/v1/bom", {200}, upload.encode(boundary), DtrackBomUpload::contentType(boundary));
	if (Poco::trim(response.body).empty()) return std::string();
	return parseObject(response.body, describe("POST", "/api/v1/bom"))->optValue<std::string>("token", "");
}


std::optional<DtrackProject> DtrackClient::lookupProject(const std::string& name, const std::string& version)
{
	const std::string path = "/api/v1/project/lookup" + query({{"name", name}, {"version", version}});
	const Response response = expect("GET", path, {200, 404});
	if (response.status == 404) return std::nullopt;
	return DtrackProject::fromJson(parseObject(response.body, describe("GET", path)));
}


std::optional<DtrackProject> DtrackClient::project(const std::string& uuid)
{
	const std::string path = "/api/v1/project/" + segment(uuid);
	const Response response = expect("GET", path, {200, 404});
	if (response.status == 404) return std::nullopt;
	return DtrackProject::fromJson(parseObject(response.body, describe("GET", path)));
}


std::vector<DtrackProject> DtrackClient::projectsByTag(const std::string& tag, bool excludeInactive)
{
	return pagedProjects("/api/v1/project/tag/" + segment(tag) + query({{"excludeInactive", excludeInactive ? "true" : "false"}}));
}


std::vector<DtrackProject> DtrackClient::projectsByName(const std::string& name, bool onlyRoot)
{
	return pagedProjects("/api/v1/project" + query({{"name", name}, {"excludeInactive", "false"},
		{"onlyRoot", onlyRoot ? "true" : "false"}}));
}


void DtrackClient::patchProject(const std::string& uuid, const Poco::JSON::Object::Ptr& changes)
{
	std::ostringstream body;
	changes->stringify(body);
	expect("PATCH", "/api/v1/project/" + segment(uuid), {200, 304}, body.str(), "application/json");
}


bool DtrackClient::deleteProject(const std::string& uuid)
{
	return expect("DELETE", "/api/v1/project/" + segment(uuid), {200, 204, 404}).status != 404;
}


std::vector<DtrackProject> DtrackClient::pagedProjects(const std::string& pathAndQuery)
{
	std::vector<DtrackProject> projects;
	for (int page = 1; ; ++page)
	{
		const std::string path = pathAndQuery + "&pageSize=" + std::to_string(PAGE_SIZE) + "&pageNumber=" + std::to_string(page);
		const Response response = expect("GET", path, {200});
		const Poco::Dynamic::Var json = parseJson(response.body, describe("GET", path));
		if (json.type() != typeid(Poco::JSON::Array::Ptr)) throw DtrackException(describe("GET", path) + " answered no JSON array");
		const Poco::JSON::Array::Ptr items = json.extract<Poco::JSON::Array::Ptr>();
		for (std::size_t i = 0; i < items->size(); ++i)
		{
			projects.push_back(DtrackProject::fromJson(items->getObject(static_cast<unsigned>(i))));
		}
		int total = -1;
		const bool counted = Poco::NumberParser::tryParse(response.totalCount, total);
		// Without X-Total-Count a short page is the last one.
		const bool last = counted ? static_cast<std::size_t>(page) * PAGE_SIZE >= static_cast<std::size_t>(total) : items->size() < static_cast<std::size_t>(PAGE_SIZE);
		if (last || items->size() == 0) break;
	}
	return projects;
}


DtrackClient::Response DtrackClient::expect(const std::string& method, const std::string& pathAndQuery,
	std::initializer_list<int> accepted, const std::string& body, const std::string& contentType)
{
	Response response = send(method, pathAndQuery, body, contentType);
	for (int status: accepted)
	{
		if (response.status == status) return response;
	}
	std::string detail = Poco::trim(response.body);
	for (auto& c: detail)
	{
		if (c == '\n' || c == '\r') c = ' ';
	}
	if (detail.size() > MAX_BODY_IN_MESSAGE) detail = detail.substr(0, MAX_BODY_IN_MESSAGE) + "...";
	throw DtrackException(mask(describe(method, pathAndQuery) + " answered HTTP " + std::to_string(response.status)
		+ (detail.empty() ? std::string() : ": " + detail)), response.status);
}


DtrackClient::Response DtrackClient::send(const std::string& method, const std::string& pathAndQuery,
	const std::string& body, const std::string& contentType)
{
	const int attempts = std::max(1, _options.maxAttempts);
	std::string lastError;
	int lastStatus = 0;
	for (int attempt = 0; attempt < attempts; ++attempt)
	{
		if (_options.stop && _options.stop->stopRequested()) break;
		std::string retryAfter;
		try
		{
			Response response = this->attempt(method, pathAndQuery, body, contentType, retryAfter);
			if (!retryableStatus(response.status)) return response;
			lastStatus = response.status;
			lastError = "HTTP " + std::to_string(response.status);
		}
		catch (Poco::Net::SSLException& e)
		{
			// Certificate and handshake errors do not heal by retrying.
			throw DtrackUnavailableException(mask(describe(method, pathAndQuery) + " failed: TLS: " + e.displayText()));
		}
		catch (Poco::IOException& e)
		{
			lastStatus = 0;
			lastError = e.displayText();
		}
		catch (Poco::TimeoutException& e)
		{
			lastStatus = 0;
			lastError = e.displayText();
		}
		if (attempt + 1 >= attempts) break;
		int seconds = -1;
		if (!Poco::NumberParser::tryParse(Poco::trim(retryAfter), seconds)) seconds = -1;
		const long wait = static_cast<long>(_backoff.delay(attempt, seconds).totalMilliseconds());
		if (_options.stop)
		{
			if (_options.stop->waitFor(wait)) break;
		}
		else Poco::Thread::sleep(wait);
	}
	throw DtrackUnavailableException(mask(describe(method, pathAndQuery) + " failed after retries: "
		+ (lastError.empty() ? std::string("stop requested") : lastError)), lastStatus);
}


DtrackClient::Response DtrackClient::attempt(const std::string& method, const std::string& path,
	const std::string& body, const std::string& contentType, std::string& retryAfter)
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (_context) session.reset(new Poco::Net::HTTPSClientSession(_base.getHost(), _base.getPort(), _context));
	else session.reset(new Poco::Net::HTTPClientSession(_base.getHost(), _base.getPort()));
	session->setTimeout(_options.timeout);
	session->setKeepAlive(false);

	Poco::Net::HTTPRequest request(method, _basePath + path, Poco::Net::HTTPMessage::HTTP_1_1);
	request.set("X-Api-Key", _options.apiKey);
	request.set("Accept", "application/json");
	if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
	{
		if (!contentType.empty()) request.setContentType(contentType);
		request.setContentLength(static_cast<std::streamsize>(body.size()));
	}
	std::ostream& out = session->sendRequest(request);
	out.write(body.data(), static_cast<std::streamsize>(body.size()));

	Poco::Net::HTTPResponse answer;
	std::istream& in = session->receiveResponse(answer);
	Response response;
	response.status = static_cast<int>(answer.getStatus());
	Poco::StreamCopier::copyToString(in, response.body);
	response.totalCount = answer.get("X-Total-Count", "");
	retryAfter = answer.get("Retry-After", "");
	return response;
}


std::string DtrackClient::describe(const std::string& method, const std::string& path) const
{
	// The query may hold project names but never credentials.
	return "Dependency-Track " + _options.baseUrl + ": " + method + " " + _basePath + path;
}


std::string DtrackClient::mask(const std::string& text) const
{
	if (_options.apiKey.empty()) return text;
	return Poco::replace(text, _options.apiKey, std::string("***"));
}


} } // namespace sbomop::targets
