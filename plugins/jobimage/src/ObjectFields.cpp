//
// ObjectFields.cpp
//

#include "sbomop/jobimage/ObjectFields.h"

namespace sbomop {
namespace jobimage {

std::string ObjectFields::string(const Poco::JSON::Object::Ptr& object, const std::string& field)
{
	if (!object || !object->has(field)) return std::string();
	const Poco::Dynamic::Var value = object->get(field);
	return value.isString() ? value.convert<std::string>() : std::string();
}


std::string ObjectFields::metadata(const Poco::JSON::Object::Ptr& object, const std::string& field)
{
	return string(object ? object->getObject("metadata") : nullptr, field);
}


std::string ObjectFields::label(const Poco::JSON::Object::Ptr& object, const std::string& key)
{
	Poco::JSON::Object::Ptr metadata = object ? object->getObject("metadata") : nullptr;
	return string(metadata ? metadata->getObject("labels") : nullptr, key);
}

} } // namespace sbomop::jobimage
