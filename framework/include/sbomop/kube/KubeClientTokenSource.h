//
// KubeClientTokenSource.h
//
// Supplies the bearer token of the Kubernetes client. Bound service-account
// tokens are rotated by the kubelet, so a token file is re-read periodically
// and after the API server answered 401.
//

#ifndef SBOMOP_Kube_KubeClientTokenSource_INCLUDED
#define SBOMOP_Kube_KubeClientTokenSource_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/KubeClientClock.h"
#include <Poco/Logger.h>
#include <Poco/Timespan.h>
#include <memory>
#include <mutex>
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API KubeClientTokenSource
	/// A static token, or a token file that is re-read when the cached copy
	/// is older than the refresh interval (60 s, like client-go) or after
	/// invalidate(). Surrounding whitespace of the file content is removed.
	/// If a re-read fails, the last good token is kept and a warning logged;
	/// the token itself never appears in logs or exception messages.
	/// Thread-safe.
{
public:
	using Ptr = std::shared_ptr<KubeClientTokenSource>;

	static constexpr Poco::Timespan::TimeDiff DEFAULT_REFRESH_INTERVAL = 60000000;
		/// 60 s, in microseconds.

	KubeClientTokenSource(const std::string& staticToken, const std::string& tokenFile,
		KubeClientClock::Ptr clock = KubeClientClock::system(),
		const Poco::Timespan& refreshInterval = Poco::Timespan(DEFAULT_REFRESH_INTERVAL));
		/// A non-empty `tokenFile` wins over `staticToken` (client-go's rule);
		/// `staticToken` is then only used until the file was read once.
		/// The file is read lazily, on the first token() call.

	std::string token();
		/// The current token ("" if none is configured). Throws
		/// KubeConfigException (naming the file, not the token) if the token
		/// file cannot be read and no token was read before.

	bool invalidate();
		/// Forces the next token() to re-read the file. Returns false for a
		/// static token (nothing can change).

	bool fromFile() const;
		/// True if the token comes from a file.

	const std::string& file() const;
		/// The token file ("" for a static token).

private:
	std::string readFile() const;

	const std::string _file;
	KubeClientClock::Ptr _clock;
	const Poco::Timespan _refreshInterval;
	Poco::Logger& _logger;
	std::mutex _mutex;
	std::string _token;
	bool _loaded;
	Poco::Timespan::TimeDiff _readAt;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientTokenSource_INCLUDED
