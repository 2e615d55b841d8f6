//
// ObjectValidator.h
//
// Server-side validation of created and updated objects, following the
// v1.28 API server's rules and messages for what kube-sim serves: names,
// labels, annotations (sbomop::kube::LabelValidation), ownerReferences, Secret/ConfigMap data, Pod and Job
// specs, Lease fields and immutability.
//

#ifndef SBOMOP_KubeSim_ObjectValidator_INCLUDED
#define SBOMOP_KubeSim_ObjectValidator_INCLUDED

#include "kubesim/ResourceCatalog.h"
#include "kubesim/StatusError.h"
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class ObjectValidator
	/// Stateless, thread-safe.
{
public:
	static const std::size_t MAX_DATA_BYTES = 1024 * 1024;
	static const std::size_t MAX_ANNOTATION_BYTES = 256 * 1024;

	static void validate(const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object, const Poco::JSON::Object::Ptr& old);
		/// Validates `object` (after defaulting); `old` is the stored object on
		/// update, null on create. Throws StatusError 422 Invalid with every
		/// cause found, or 400 when Secret/ConfigMap data is not base64.

	static std::string nameError(const std::string& name, bool label);
		/// The first DNS-1123 subdomain (label when `label`) problem of `name`
		/// as the API server words it, or "" when valid. Label keys and values
		/// are checked with sbomop::kube::LabelValidation.

private:
	static void validateMetadata(const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object, std::vector<FieldCause>& causes);
	static void validateSecret(const Poco::JSON::Object::Ptr& object, const Poco::JSON::Object::Ptr& old, std::vector<FieldCause>& causes);
	static void validateConfigMap(const Poco::JSON::Object::Ptr& object, const Poco::JSON::Object::Ptr& old, std::vector<FieldCause>& causes);
	static void validatePodSpec(const Poco::JSON::Object::Ptr& spec, const std::string& path, std::vector<FieldCause>& causes);
	static void validateJob(const Poco::JSON::Object::Ptr& object, std::vector<FieldCause>& causes);
	static void validateLease(const Poco::JSON::Object::Ptr& object, std::vector<FieldCause>& causes);
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ObjectValidator_INCLUDED
