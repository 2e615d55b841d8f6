//
// LeaseRecord.h
//
// The leader election record kept in a Lease's spec, and the MicroTime
// format of its timestamps.
//

#ifndef SBOMOP_Election_LeaseRecord_INCLUDED
#define SBOMOP_Election_LeaseRecord_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <string>

namespace sbomop {
namespace election {

struct SBOMOP_API LeaseRecord
	/// The fields of a coordination.k8s.io/v1 LeaseSpec that leader election
	/// uses. Timestamps are kept as the text the server returned, so that a
	/// renewal writes back the holder's acquireTime unchanged. A plain value.
{
	std::string holderIdentity;
		/// Empty when nobody holds the lease (e.g. after a release).
	int leaseDurationSeconds = 0;
	std::string acquireTime;
	std::string renewTime;
	int leaseTransitions = 0;

	static LeaseRecord fromSpec(const Poco::JSON::Object::Ptr& spec);
		/// Reads a LeaseSpec; absent fields keep their defaults, a null spec
		/// gives an empty record. Throws kube::MalformedResponseException when
		/// a field has the wrong JSON type.

	Poco::JSON::Object::Ptr toSpec() const;
		/// The LeaseSpec: holderIdentity (also when empty),
		/// leaseDurationSeconds, acquireTime and renewTime (when set) and
		/// leaseTransitions.

	bool operator == (const LeaseRecord& other) const;
	bool operator != (const LeaseRecord& other) const;

	static std::string microTime(const Poco::Timestamp& time);
		/// The Kubernetes MicroTime text of `time`, in UTC with six
		/// fractional digits: "2006-01-02T15:04:05.000000Z".
};

} } // namespace sbomop::election

#endif // SBOMOP_Election_LeaseRecord_INCLUDED
