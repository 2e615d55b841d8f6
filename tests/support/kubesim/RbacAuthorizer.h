//
// RbacAuthorizer.h
//
// kube-sim's RBAC enforcement (`--rbac`): a request made with a
// service-account token is allowed only when a stored Role or ClusterRole,
// bound to that account (RoleBinding in the request's namespace or
// ClusterRoleBinding; subjects ServiceAccount, User or Group), has a rule
// matching its verb, API group, resource (with subresource) and name. The
// answer to a denial is the real server's 403 Forbidden Status.
//

#ifndef SBOMOP_KubeSim_RbacAuthorizer_INCLUDED
#define SBOMOP_KubeSim_RbacAuthorizer_INCLUDED

#include "kubesim/StatusError.h"
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class ObjectStore;

struct RbacRequest
	/// The attributes of one resource request, as the authorizer sees them.
{
	std::string user;                 ///< e.g. `system:serviceaccount:ns:sa`
	std::vector<std::string> groups;  ///< e.g. `system:serviceaccounts`, `system:authenticated`
	std::string verb;                 ///< get list watch create update patch delete deletecollection
	std::string apiGroup;             ///< "" for the core group
	std::string resource;             ///< plural, e.g. "pods"
	std::string subresource;          ///< "status", "log" or ""
	std::string ns;                   ///< "" at the cluster scope
	std::string name;                 ///< "" for collections and create

	static RbacRequest forServiceAccount(const std::string& user);
		/// A request of `user` (`system:serviceaccount:<ns>:<name>`) with the
		/// groups the real server gives service accounts.
};

class RbacAuthorizer
	/// Reads the rbac.authorization.k8s.io objects from the store at every
	/// call (changes apply at once). Aggregated ClusterRoles and
	/// nonResourceURLs rules are not evaluated. Thread-safe.
{
public:
	explicit RbacAuthorizer(const ObjectStore& store);

	bool allows(const RbacRequest& request) const;
		/// True when a bound rule grants the request.

	static StatusError forbidden(const RbacRequest& request);
		/// 403 `pods "p" is forbidden: User "system:serviceaccount:ns:sa" cannot
		/// patch resource "pods" in API group "" in the namespace "ns"` (or `at
		/// the cluster scope`), details group/kind/name as the real server.

	static StatusError forbiddenPath(const std::string& user, const std::string& verb, const std::string& path);
		/// 403 `forbidden: User "..." cannot <verb> path "<path>"`.

private:
	bool bindingGrants(const Poco::JSON::Object::Ptr& binding, const std::string& bindingNamespace, const RbacRequest& request) const;
	static bool subjectMatches(const Poco::JSON::Object::Ptr& subject, const std::string& bindingNamespace, const RbacRequest& request);
	static bool ruleGrants(const Poco::JSON::Object::Ptr& rule, const RbacRequest& request);

	const ObjectStore& _store;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_RbacAuthorizer_INCLUDED
