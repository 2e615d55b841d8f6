//
// MergePatch.cpp
//

#include "kubesim/MergePatch.h"
#include "kubesim/Json.h"

using Poco::Dynamic::Var;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

Var MergePatch::apply(const Var& target, const Var& patch)
{
	if (!Json::isObject(patch)) return Json::deepCopy(patch);
	Object::Ptr result = Json::isObject(target) ? Json::deepCopy(target.extract<Object::Ptr>()) : Object::Ptr(new Object);
	for (const auto& entry: *patch.extract<Object::Ptr>())
	{
		if (Json::isNull(entry.second))
		{
			result->remove(entry.first);
		}
		else
		{
			Var current = result->has(entry.first) ? result->get(entry.first) : Var();
			result->set(entry.first, apply(current, entry.second));
		}
	}
	return result;
}

} } // namespace sbomop::kubesim
