//
// ObjectFields.h
//
// Tolerant access to the metadata of Kubernetes objects held as Poco JSON.
//

#ifndef SBOMOP_JobImage_ObjectFields_INCLUDED
#define SBOMOP_JobImage_ObjectFields_INCLUDED

#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace jobimage {

class ObjectFields
	/// Stateless; thread-safe. Missing objects, fields of another type and
	/// null values all read as "".
{
public:
	static std::string metadata(const Poco::JSON::Object::Ptr& object, const std::string& field);
		/// `metadata.<field>` as a string, e.g. "name", "uid",
		/// "resourceVersion", "deletionTimestamp".

	static std::string label(const Poco::JSON::Object::Ptr& object, const std::string& key);
		/// `metadata.labels[key]`.

	static std::string string(const Poco::JSON::Object::Ptr& object, const std::string& field);
		/// A string field of `object` itself.
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_ObjectFields_INCLUDED
