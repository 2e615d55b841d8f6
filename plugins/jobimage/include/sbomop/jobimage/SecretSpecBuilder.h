//
// SecretSpecBuilder.h
//
// The Secret that carries a Job's image-config.json, and the changes the
// backend makes to it.
//

#ifndef SBOMOP_JobImage_SecretSpecBuilder_INCLUDED
#define SBOMOP_JobImage_SecretSpecBuilder_INCLUDED

#include "sbomop/jobimage/JobEnvironment.h"
#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace jobimage {

class SecretSpecBuilder
	/// Stateless; thread-safe.
{
public:
	static Poco::JSON::Object::Ptr build(const std::string& ns, const std::string& cycleId, const std::string& imageConfig,
		const JobEnvironment& environment);
		/// A v1 Secret `JobNaming::secretName(cycleId)` in `ns`: type Opaque,
		/// immutable, labels JobNaming::labels(CONFIG_COMPONENT, cycleId),
		/// `data["image-config.json"]` = base64 of `imageConfig`. Owned by the
		/// operator pod (JobEnvironment::ownerPodReference()) when known, so
		/// that it never exists without an owner between its creation and
		/// ownerPatch().

	static std::string ownerPatch(const std::string& jobName, const std::string& jobUid);
		/// A JSON merge patch that makes the Job the Secret's only owner:
		/// `{"metadata":{"ownerReferences":[{"apiVersion":"batch/v1","kind":"Job",
		/// "name":..,"uid":..,"controller":false}]}}`. Without
		/// blockOwnerDeletion, which would need delete permission on Jobs
		/// through the finalizers admission check and matters only for
		/// foreground deletion; the garbage collector removes the Secret once
		/// the Job is gone either way.

	static std::string imageConfig(const Poco::JSON::Object::Ptr& secret);
		/// The decoded image-config.json of a Secret read from the API.
		/// Throws Poco::NotFoundException when the key is missing and
		/// Poco::DataFormatException when it is not valid base64.
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_SecretSpecBuilder_INCLUDED
