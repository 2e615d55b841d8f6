//
// StrategicMergePatch.cpp
//

#include "kubesim/StrategicMergePatch.h"
#include "kubesim/Json.h"
#include <map>
#include <set>

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const std::string DIRECTIVE = "$patch";
	const std::string RETAIN_KEYS = "$retainKeys";
	const std::string SET_ORDER_PREFIX = "$setElementOrder/";
	const std::string DELETE_PRIMITIVE_PREFIX = "$deleteFromPrimitiveList/";

	bool startsWith(const std::string& text, const std::string& prefix)
	{
		return text.compare(0, prefix.size(), prefix) == 0;
	}
}

std::string StrategicMergePatch::mergeKey(const std::string& field)
{
	// patchMergeKey tags of the core/v1, batch/v1 and meta/v1 types.
	static const std::map<std::string, std::string> KEYS = {
		{"containers", "name"}, {"initContainers", "name"}, {"ephemeralContainers", "name"},
		{"imagePullSecrets", "name"}, {"env", "name"}, {"volumes", "name"}, {"resourceClaims", "name"},
		{"volumeMounts", "mountPath"}, {"volumeDevices", "devicePath"}, {"ports", "containerPort"},
		{"conditions", "type"}, {"ownerReferences", "uid"}, {"hostAliases", "ip"},
		{"topologySpreadConstraints", "topologyKey"}, {"readinessGates", "conditionType"}};
	auto it = KEYS.find(field);
	return it == KEYS.end() ? "" : it->second;
}

bool StrategicMergePatch::isSetList(const std::string& field)
{
	return field == "finalizers";
}

Object::Ptr StrategicMergePatch::apply(const Object::Ptr& original, const Object::Ptr& patch)
{
	Object::Ptr result = mergeObject(original, patch);
	return result ? result : Object::Ptr(new Object);
}

Var StrategicMergePatch::mergeValue(const Var& original, const Var& patch, const std::string& field)
{
	if (Json::isObject(patch))
	{
		Object::Ptr base = Json::isObject(original) ? original.extract<Object::Ptr>() : Object::Ptr(new Object);
		Object::Ptr merged = mergeObject(base, patch.extract<Object::Ptr>());
		return merged ? Var(merged) : Var();
	}
	if (Json::isArray(patch))
	{
		Array::Ptr base = Json::isArray(original) ? original.extract<Array::Ptr>() : Array::Ptr(new Array);
		return mergeList(base, patch.extract<Array::Ptr>(), field);
	}
	return Json::deepCopy(patch);
}

Object::Ptr StrategicMergePatch::mergeObject(const Object::Ptr& original, const Object::Ptr& patch)
{
	const std::string directive = Json::string(patch, DIRECTIVE);
	if (directive == "delete") return nullptr;
	Object::Ptr result;
	if (directive == "replace")
	{
		result = new Object;
	}
	else
	{
		result = original ? Json::deepCopy(original) : Object::Ptr(new Object);
	}
	for (const auto& entry: *patch)
	{
		const std::string& key = entry.first;
		if (key == DIRECTIVE || key == RETAIN_KEYS || startsWith(key, SET_ORDER_PREFIX)) continue;
		if (startsWith(key, DELETE_PRIMITIVE_PREFIX))
		{
			const std::string list = key.substr(DELETE_PRIMITIVE_PREFIX.size());
			Array::Ptr current = Json::array(result, list);
			if (!current || !Json::isArray(entry.second)) continue;
			Array::Ptr remove = entry.second.extract<Array::Ptr>();
			Array::Ptr kept = new Array;
			for (unsigned i = 0; i < current->size(); ++i)
			{
				bool drop = false;
				for (unsigned j = 0; j < remove->size() && !drop; ++j) drop = Json::equals(current->get(i), remove->get(j));
				if (!drop) kept->add(current->get(i));
			}
			result->set(list, kept);
			continue;
		}
		if (Json::isNull(entry.second))
		{
			result->remove(key);
			continue;
		}
		Var current = result->has(key) ? result->get(key) : Var();
		Var merged = mergeValue(current, entry.second, key);
		if (Json::isNull(merged)) result->remove(key);
		else result->set(key, merged);
	}
	Array::Ptr retain = Json::array(patch, RETAIN_KEYS);
	if (retain)
	{
		std::set<std::string> keep;
		for (unsigned i = 0; i < retain->size(); ++i) keep.insert(retain->get(i).convert<std::string>());
		std::vector<std::string> names;
		for (const auto& entry: *result) names.push_back(entry.first);
		for (const auto& name: names)
		{
			if (!keep.count(name)) result->remove(name);
		}
	}
	return result;
}

Array::Ptr StrategicMergePatch::mergeList(const Array::Ptr& original, const Array::Ptr& patch, const std::string& field)
{
	const std::string key = mergeKey(field);
	const bool setList = isSetList(field);
	// An element {"$patch":"replace"} makes the patch list the whole new list.
	bool replace = !key.empty() || setList ? false : true;
	for (unsigned i = 0; i < patch->size(); ++i)
	{
		Var element = patch->get(i);
		if (Json::isObject(element) && Json::string(element.extract<Object::Ptr>(), DIRECTIVE) == "replace") replace = true;
	}
	Array::Ptr result = new Array;
	if (replace)
	{
		for (unsigned i = 0; i < patch->size(); ++i)
		{
			Var element = patch->get(i);
			if (Json::isObject(element))
			{
				Object::Ptr object = element.extract<Object::Ptr>();
				if (!Json::string(object, DIRECTIVE).empty() && object->size() == 1) continue;
				result->add(mergeObject(Object::Ptr(new Object), object));
			}
			else result->add(Json::deepCopy(element));
		}
		return result;
	}
	for (unsigned i = 0; i < original->size(); ++i) result->add(Json::deepCopy(original->get(i)));
	for (unsigned i = 0; i < patch->size(); ++i)
	{
		Var element = patch->get(i);
		if (Json::isObject(element) && !key.empty())
		{
			Object::Ptr object = element.extract<Object::Ptr>();
			Var keyValue = object->has(key) ? object->get(key) : Var();
			int found = -1;
			for (unsigned j = 0; j < result->size() && found < 0; ++j)
			{
				Var candidate = result->get(j);
				if (Json::isObject(candidate) && Json::equals(candidate.extract<Object::Ptr>()->get(key), keyValue)) found = static_cast<int>(j);
			}
			const bool remove = Json::string(object, DIRECTIVE) == "delete";
			if (found >= 0)
			{
				if (remove) result->remove(static_cast<unsigned>(found));
				else result->set(static_cast<unsigned>(found), mergeObject(result->getObject(static_cast<unsigned>(found)), object));
			}
			else if (!remove)
			{
				result->add(mergeObject(Object::Ptr(new Object), object));
			}
		}
		else
		{
			bool present = false;
			for (unsigned j = 0; j < result->size() && !present; ++j) present = Json::equals(result->get(j), element);
			if (!present || !setList) result->add(Json::deepCopy(element));
		}
	}
	return result;
}

} } // namespace sbomop::kubesim
