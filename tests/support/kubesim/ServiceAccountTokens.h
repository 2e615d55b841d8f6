//
// ServiceAccountTokens.h
//
// Bearer tokens kube-sim minted for service accounts: tests ask for a token
// of `system:serviceaccount:<ns>:<name>` and run a client with it, the way a
// pod uses its projected service-account token.
//

#ifndef SBOMOP_KubeSim_ServiceAccountTokens_INCLUDED
#define SBOMOP_KubeSim_ServiceAccountTokens_INCLUDED

#include <map>
#include <mutex>
#include <string>

namespace sbomop {
namespace kubesim {

class ServiceAccountTokens
	/// Thread-safe.
{
public:
	ServiceAccountTokens();

	std::string mint(const std::string& ns, const std::string& name);
		/// A new random token (48 hex characters) for the service account; every
		/// token minted stays valid for the lifetime of the object.

	bool find(const std::string& token, std::string& user) const;
		/// True when `token` was minted; `user` is then
		/// `system:serviceaccount:<ns>:<name>`.

	static std::string userName(const std::string& ns, const std::string& name);
		/// `system:serviceaccount:<ns>:<name>`.

private:
	mutable std::mutex _mutex;
	std::map<std::string, std::string> _users;   ///< token -> user name
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ServiceAccountTokens_INCLUDED
