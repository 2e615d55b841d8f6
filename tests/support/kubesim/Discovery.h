//
// Discovery.h
//
// Discovery documents for exactly the resources kube-sim serves (advertising
// more makes kubectl re-discover on every command): /api, /api/v1, /apis,
// /apis/<group>, /apis/<group>/<version> and /version, in the shapes of the
// upstream v1.28 documents.
//

#ifndef SBOMOP_KubeSim_Discovery_INCLUDED
#define SBOMOP_KubeSim_Discovery_INCLUDED

#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace kubesim {

class Discovery
	/// Stateless, thread-safe.
{
public:
	static Poco::JSON::Object::Ptr document(const std::string& path, const std::string& serverAddress);
		/// The document for a discovery path (as classified by RequestPath), or
		/// null when the path is not a discovery document. `serverAddress`
		/// ("host:port") goes into APIVersions.serverAddressByClientCIDRs.

	static Poco::JSON::Object::Ptr version(const std::string& version);
		/// The /version document for a "major.minor.patch" version (e.g.
		/// "1.28.7"). kubectl's version dispatcher picks its client by it.
		/// Throws Poco::SyntaxException for another format.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_Discovery_INCLUDED
