//
// JsonPatch.cpp
//

#include "kubesim/JsonPatch.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <Poco/NumberParser.h>

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	class OperationFailed: public std::runtime_error
	{
	public:
		using std::runtime_error::runtime_error;
	};

	// The container holding the target of a pointer plus the last token.
	struct Location
	{
		Var container;
		std::string key;
	};

	bool arrayIndex(const std::string& token, std::size_t size, bool allowEnd, std::size_t& index)
	{
		if (allowEnd && token == "-")
		{
			index = size;
			return true;
		}
		if (token.empty() || (token.size() > 1 && token[0] == '0')) return false;
		unsigned value = 0;
		if (!Poco::NumberParser::tryParseUnsigned(token, value)) return false;
		index = value;
		return allowEnd ? index <= size : index < size;
	}

	// Resolves all but the last token; returns false when a step is missing.
	bool locate(Var& root, const std::vector<std::string>& tokens, Location& location)
	{
		Var current = root;
		for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
		{
			if (Json::isObject(current))
			{
				Object::Ptr object = current.extract<Object::Ptr>();
				if (!object->has(tokens[i])) return false;
				current = object->get(tokens[i]);
			}
			else if (Json::isArray(current))
			{
				Array::Ptr array = current.extract<Array::Ptr>();
				std::size_t index = 0;
				if (!arrayIndex(tokens[i], array->size(), false, index)) return false;
				current = array->get(static_cast<unsigned>(index));
			}
			else return false;
		}
		location.container = current;
		location.key = tokens.back();
		return Json::isObject(current) || Json::isArray(current);
	}

	bool getValue(Var& root, const std::string& path, Var& value)
	{
		std::vector<std::string> tokens = JsonPatch::parsePointer(path);
		if (tokens.empty())
		{
			value = root;
			return true;
		}
		Location location;
		if (!locate(root, tokens, location)) return false;
		if (Json::isObject(location.container))
		{
			Object::Ptr object = location.container.extract<Object::Ptr>();
			if (!object->has(location.key)) return false;
			value = object->get(location.key);
			return true;
		}
		Array::Ptr array = location.container.extract<Array::Ptr>();
		std::size_t index = 0;
		if (!arrayIndex(location.key, array->size(), false, index)) return false;
		value = array->get(static_cast<unsigned>(index));
		return true;
	}

	void insertAt(Array::Ptr array, std::size_t index, const Var& value)
	{
		std::vector<Var> items;
		for (unsigned i = 0; i < array->size(); ++i) items.push_back(array->get(i));
		items.insert(items.begin() + static_cast<std::ptrdiff_t>(index), value);
		array->clear();
		for (const auto& item: items) array->add(item);
	}

	// The write target of add and replace; false when the pointer is the
	// whole document, which has then been replaced.
	bool locateTarget(Var& root, const std::string& path, const Var& value, Location& location, const std::string& missing)
	{
		std::vector<std::string> tokens = JsonPatch::parsePointer(path);
		if (tokens.empty())
		{
			root = value;
			return false;
		}
		if (!locate(root, tokens, location)) throw OperationFailed(missing);
		return true;
	}

	void add(Var& root, const std::string& path, const Var& value)
	{
		Location location;
		if (!locateTarget(root, path, value, location, "add operation does not apply: doc is missing path: \"" + path + "\": missing value"))
			return;
		if (Json::isObject(location.container))
		{
			Object::Ptr target = location.container.extract<Object::Ptr>();
			target->set(location.key, value);
			return;
		}
		Array::Ptr array = location.container.extract<Array::Ptr>();
		std::size_t index = 0;
		if (!arrayIndex(location.key, array->size(), true, index))
			throw OperationFailed("error in add for path: '" + path + "': Unable to access invalid index: " + location.key + ": invalid index referenced");
		insertAt(array, index, value);
	}

	Var remove(Var& root, const std::string& path)
	{
		std::vector<std::string> tokens = JsonPatch::parsePointer(path);
		Location location;
		if (tokens.empty() || !locate(root, tokens, location))
			throw OperationFailed("remove operation does not apply: doc is missing path: \"" + path + "\": missing value");
		if (Json::isObject(location.container))
		{
			Object::Ptr object = location.container.extract<Object::Ptr>();
			if (!object->has(location.key))
				throw OperationFailed("error in remove for path: '" + path + "': Unable to remove nonexistent key: " + location.key + ": missing value");
			Var removed = object->get(location.key);
			object->remove(location.key);
			return removed;
		}
		Array::Ptr array = location.container.extract<Array::Ptr>();
		std::size_t index = 0;
		if (!arrayIndex(location.key, array->size(), false, index))
			throw OperationFailed("error in remove for path: '" + path + "': Unable to access invalid index: " + location.key + ": invalid index referenced");
		Var removed = array->get(static_cast<unsigned>(index));
		array->remove(static_cast<unsigned>(index));
		return removed;
	}

	void replace(Var& root, const std::string& path, const Var& value)
	{
		Location location;
		if (!locateTarget(root, path, value, location, "replace operation does not apply: doc is missing path: " + path + ": missing value"))
			return;
		if (Json::isObject(location.container))
		{
			Object::Ptr object = location.container.extract<Object::Ptr>();
			if (!object->has(location.key))
				throw OperationFailed("replace operation does not apply: doc is missing key: " + path + ": missing value");
			object->set(location.key, value);
			return;
		}
		Array::Ptr array = location.container.extract<Array::Ptr>();
		std::size_t index = 0;
		if (!arrayIndex(location.key, array->size(), false, index))
			throw OperationFailed("replace operation does not apply: doc is missing key: " + path + ": missing value");
		array->set(static_cast<unsigned>(index), value);
	}

	std::string member(const Object::Ptr& operation, const std::string& key, bool required)
	{
		if (!operation->has(key))
		{
			if (required) throw StatusError::badRequest("the server rejected our request due to an error in our request");
			return "";
		}
		Var value = operation->get(key);
		if (!Json::isString(value)) throw StatusError::badRequest("the server rejected our request due to an error in our request");
		return value.extract<std::string>();
	}
}

std::vector<std::string> JsonPatch::parsePointer(const std::string& pointer)
{
	std::vector<std::string> tokens;
	if (pointer.empty()) return tokens;
	if (pointer[0] != '/') throw Poco::InvalidArgumentException("JSON pointer must start with '/'", pointer);
	std::size_t start = 1;
	for (;;)
	{
		std::size_t slash = pointer.find('/', start);
		std::string raw = pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
		std::string token;
		for (std::size_t i = 0; i < raw.size(); ++i)
		{
			if (raw[i] == '~' && i + 1 < raw.size() && raw[i + 1] == '1') { token += '/'; ++i; }
			else if (raw[i] == '~' && i + 1 < raw.size() && raw[i + 1] == '0') { token += '~'; ++i; }
			else token += raw[i];
		}
		tokens.push_back(token);
		if (slash == std::string::npos) break;
		start = slash + 1;
	}
	return tokens;
}

Var JsonPatch::apply(const Var& document, const std::string& patch)
{
	Var operations;
	try
	{
		operations = Json::parse(patch);
	}
	catch (Poco::Exception& e)
	{
		throw StatusError::badRequest(e.message());
	}
	if (!Json::isArray(operations)) throw StatusError::badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
	Var root = Json::deepCopy(document);
	Array::Ptr list = operations.extract<Array::Ptr>();
	try
	{
		for (unsigned i = 0; i < list->size(); ++i)
		{
			Var entry = list->get(i);
			if (!Json::isObject(entry)) throw StatusError::badRequest("json: cannot unmarshal into Go value of type jsonpatch.Operation");
			Object::Ptr operation = entry.extract<Object::Ptr>();
			const std::string op = member(operation, "op", true);
			const std::string path = member(operation, "path", true);
			if (op == "add" || op == "replace" || op == "test")
			{
				if (!operation->has("value")) throw OperationFailed(op + " operation does not apply: missing value");
				Var value = Json::deepCopy(operation->get("value"));
				if (op == "add") add(root, path, value);
				else if (op == "replace") replace(root, path, value);
				else
				{
					Var actual;
					if (!getValue(root, path, actual) || !Json::equals(actual, value))
						throw OperationFailed("testing value " + path + " failed: test failed");
				}
			}
			else if (op == "remove")
			{
				remove(root, path);
			}
			else if (op == "move" || op == "copy")
			{
				const std::string from = member(operation, "from", true);
				Var value;
				if (!getValue(root, from, value))
					throw OperationFailed(op + " operation does not apply: doc is missing from path: " + from + ": missing value");
				if (op == "move") remove(root, from);
				add(root, path, Json::deepCopy(value));
			}
			else throw OperationFailed("Unexpected kind: " + op);
		}
	}
	catch (OperationFailed&)
	{
		throw StatusError(422, "Invalid", "the server rejected our request due to an error in our request", new Object);
	}
	catch (Poco::InvalidArgumentException&)
	{
		throw StatusError(422, "Invalid", "the server rejected our request due to an error in our request", new Object);
	}
	return root;
}

} } // namespace sbomop::kubesim
