//
// DtrackClient.h
//
// A small client of the Dependency-Track REST API: BOM upload, project
// look-ups by name or tag, minimal PATCH updates and deletion, over HTTP or
// HTTPS (custom CA, mutual TLS), with bounded retries of 5xx answers and
// connection errors.
//

#ifndef SBOMOP_Targets_DtrackClient_INCLUDED
#define SBOMOP_Targets_DtrackClient_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/Backoff.h"
#include "sbomop/targets/dtrack/DtrackBomUpload.h"
#include "sbomop/targets/dtrack/DtrackProject.h"
#include "sbomop/targets/dtrack/DtrackServerVersion.h"
#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sbomop {

class StopToken;

namespace targets {

class SBOMOP_API DtrackClient
	/// Every request carries the `X-Api-Key` header. Answers 500, 502, 503
	/// and 504 and failures to connect or read are retried up to
	/// `maxAttempts` times in all, with exponential backoff and full jitter
	/// (a `Retry-After` answer is honoured up to the backoff cap); the wait
	/// ends early when the stop token is requested.
	///
	/// Errors: DtrackUnavailableException when the server cannot be reached
	/// or keeps failing, DtrackException (code() = HTTP status) for other
	/// error answers. Messages name the method, path and server, never the
	/// API key.
	///
	/// Threads: thread-safe; each request uses its own connection.
{
public:
	struct Options
	{
		std::string baseUrl;                 ///< http(s)://host[:port][/path]
		std::string apiKey;
		std::string caCertFile;              ///< PEM CAs that verify the server ("" = system CAs)
		std::string clientCertFile;          ///< PEM client certificate for mutual TLS
		std::string clientKeyFile;           ///< its unencrypted PEM key
		bool insecureSkipTlsVerify = false;  ///< no server certificate check
		Poco::Timespan timeout = Poco::Timespan(120, 0);       ///< per connect/read
		int maxAttempts = 5;
		Poco::Timespan retryBase = Poco::Timespan(0, 500000);  ///< first backoff step
		Poco::Timespan retryCap = Poco::Timespan(15, 0);       ///< longest wait
		const StopToken* stop = nullptr;     ///< ends retries early; may be null
	};

	struct Response
	{
		int status = 0;
		std::string body;
		std::string totalCount;              ///< X-Total-Count header, "" when absent
	};

	explicit DtrackClient(const Options& options);
		/// Throws DtrackSetupException for a base URL that is not
		/// http(s)://host... or TLS files that cannot be used (the message
		/// names the file, never its content).

	~DtrackClient();

	DtrackClient(const DtrackClient&) = delete;
	DtrackClient& operator = (const DtrackClient&) = delete;

	const std::string& baseUrl() const;
		/// The base URL without a trailing slash.

	DtrackServerVersion serverVersion();
		/// GET /api/version, asked once and then cached (an unparsable
		/// version is cached as unknown). Throws on failure; a failure is not
		/// cached.

	std::string uploadBom(const DtrackBomUpload& upload);
		/// POST /api/v1/bom as multipart/form-data; returns the token.

	std::optional<DtrackProject> lookupProject(const std::string& name, const std::string& version);
		/// GET /api/v1/project/lookup; empty on 404.

	std::optional<DtrackProject> project(const std::string& uuid);
		/// GET /api/v1/project/{uuid}; empty on 404.

	std::vector<DtrackProject> projectsByTag(const std::string& tag, bool excludeInactive);
		/// GET /api/v1/project/tag/{tag}, every page.

	std::vector<DtrackProject> projectsByName(const std::string& name, bool onlyRoot);
		/// GET /api/v1/project?name=..., inactive ones included, every page.

	void patchProject(const std::string& uuid, const Poco::JSON::Object::Ptr& changes);
		/// PATCH /api/v1/project/{uuid} with exactly `changes` (304 "not
		/// modified" counts as success).

	bool deleteProject(const std::string& uuid);
		/// DELETE /api/v1/project/{uuid}; false when it did not exist.

	Response send(const std::string& method, const std::string& pathAndQuery,
		const std::string& body = std::string(), const std::string& contentType = std::string());
		/// One request with retries; `pathAndQuery` starts with `/api/`.
		/// Returns any answer below 500 (callers decide about 4xx).

	std::string mask(const std::string& text) const;
		/// `text` with every occurrence of the API key replaced by `***`.

	static const int PAGE_SIZE = 100;

private:
	Response attempt(const std::string& method, const std::string& path,
		const std::string& body, const std::string& contentType, std::string& retryAfter);
	Response expect(const std::string& method, const std::string& pathAndQuery, std::initializer_list<int> accepted,
		const std::string& body = std::string(), const std::string& contentType = std::string());
	std::vector<DtrackProject> pagedProjects(const std::string& pathAndQuery);
	std::string describe(const std::string& method, const std::string& path) const;

	Options _options;
	Poco::URI _base;
	std::string _basePath;
	Poco::Net::Context::Ptr _context;
	kube::Backoff _backoff;
	std::mutex _versionMutex;
	std::optional<DtrackServerVersion> _version;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackClient_INCLUDED
