//
// LeaseLock.h
//
// Reads and writes the leader election record of one Lease with optimistic
// concurrency, as client-go's resourcelock.LeaseLock.
//

#ifndef SBOMOP_Election_LeaseLock_INCLUDED
#define SBOMOP_Election_LeaseLock_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/election/LeaseRecord.h"
#include "sbomop/kube/KubeClient.h"
#include <Poco/JSON/Object.h>
#include <optional>
#include <string>

namespace sbomop {
namespace election {

class SBOMOP_API LeaseLock
	/// Remembers the Lease object of its last successful get(), create() or
	/// update(); update() writes the new record into that object and PUTs it
	/// with its metadata.resourceVersion, so a concurrent writer makes it fail
	/// with kube::ConflictException instead of being overwritten.
	///
	/// Not thread-safe: one LeaderElector thread uses it.
{
public:
	LeaseLock(kube::KubeClient::Ptr client, const std::string& ns, const std::string& name);

	std::optional<LeaseRecord> get();
		/// GETs the Lease and remembers it; returns its record, or nothing
		/// when the Lease does not exist. Throws the client's exceptions
		/// (kube::TransportException, kube::ApiException subclasses).

	void create(const LeaseRecord& record);
		/// POSTs a new Lease holding `record` and remembers it. Throws
		/// kube::AlreadyExistsException when another replica created it first.

	void update(const LeaseRecord& record);
		/// PUTs `record` into the remembered Lease. Throws
		/// kube::ConflictException when the Lease changed since it was read,
		/// Poco::IllegalStateException when nothing was read or created yet.

	std::string describe() const;
		/// "<namespace>/<name>", for messages.

	const std::string& resourceVersion() const;
		/// The metadata.resourceVersion of the remembered Lease ("" if none).

private:
	void remember(const Poco::JSON::Object::Ptr& lease);

	kube::KubeClient::Ptr _client;
	std::string _namespace;
	std::string _name;
	Poco::JSON::Object::Ptr _lease;
	std::string _resourceVersion;
};

} } // namespace sbomop::election

#endif // SBOMOP_Election_LeaseLock_INCLUDED
