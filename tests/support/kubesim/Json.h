//
// Json.h
//
// Small helpers over Poco::JSON used throughout kube-sim: parsing, compact
// serialisation, deep copies, structural equality and typed field access.
//

#ifndef SBOMOP_KubeSim_Json_INCLUDED
#define SBOMOP_KubeSim_Json_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <map>
#include <string>

namespace sbomop {
namespace kubesim {

class Json
	/// Stateless helpers. Objects and arrays are always held as
	/// Poco::JSON::Object::Ptr / Array::Ptr inside a Var (the parser's shape).
	/// All functions are thread-safe as long as the arguments are not mutated
	/// concurrently.
{
public:
	static Poco::Dynamic::Var parse(const std::string& text);
		/// Parses any JSON value. Throws Poco::JSON::JSONException (or
		/// Poco::SyntaxException) on malformed input.

	static Poco::JSON::Object::Ptr parseObject(const std::string& text);
		/// Parses a JSON object. Throws Poco::JSON::JSONException if the text
		/// is malformed or not an object.

	static std::string stringify(const Poco::Dynamic::Var& value);
		/// Compact serialisation (no whitespace).

	static Poco::Dynamic::Var deepCopy(const Poco::Dynamic::Var& value);
		/// Copies objects and arrays recursively; scalars by value.

	static Poco::JSON::Object::Ptr deepCopy(const Poco::JSON::Object::Ptr& object);
		/// Deep copy of an object (null stays null).

	static bool equals(const Poco::Dynamic::Var& a, const Poco::Dynamic::Var& b);
		/// Structural equality; numbers compare by value (1 == 1.0).

	static bool isObject(const Poco::Dynamic::Var& value);
	static bool isArray(const Poco::Dynamic::Var& value);
	static bool isNull(const Poco::Dynamic::Var& value);
	static bool isString(const Poco::Dynamic::Var& value);
	static bool isNumber(const Poco::Dynamic::Var& value);

	static Poco::JSON::Object::Ptr object(const Poco::JSON::Object::Ptr& parent, const std::string& key);
		/// The child object at key, or null when absent or not an object.

	static Poco::JSON::Array::Ptr array(const Poco::JSON::Object::Ptr& parent, const std::string& key);
		/// The child array at key, or null when absent or not an array.

	static Poco::JSON::Object::Ptr ensureObject(Poco::JSON::Object::Ptr parent, const std::string& key);
		/// The child object at key; replaces a missing or non-object value
		/// with a new empty object.

	static std::string string(const Poco::JSON::Object::Ptr& parent, const std::string& key, const std::string& defaultValue = "");
		/// The value at key converted to a string ("" for null), or the
		/// default when absent.

	static std::map<std::string, std::string> stringMap(const Poco::JSON::Object::Ptr& parent, const std::string& key);
		/// A map of strings (labels, annotations, data); non-string values are
		/// converted, nulls are skipped.

	static Poco::JSON::Object::Ptr metadata(const Poco::JSON::Object::Ptr& object);
		/// Shortcut for ensureObject(object, "metadata").

	static std::string nowRfc3339();
		/// The current UTC time as RFC 3339 with second precision.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_Json_INCLUDED
