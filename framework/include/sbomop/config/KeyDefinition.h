//
// KeyDefinition.h
//
// One configuration key: its name, type, default, help line and flags. The
// environment variable, the command-line option and the config-file key are
// all derived from the name.
//

#ifndef SBOMOP_Config_KeyDefinition_INCLUDED
#define SBOMOP_Config_KeyDefinition_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Types.h>
#include <functional>
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API KeyDefinition
	/// Describes one key. Built with one of the named constructors and refined
	/// with the fluent `with...`/`mark...` calls, e.g.
	///
	///     KeyDefinition::integerKey("job-timeout", "job", 3600, 1, 2147483647, "...").withUnit("seconds")
	///
	/// A plain value type: copyable, not synchronised; treat it as immutable
	/// once it has been added to a ConfigSchema.
{
public:
	enum Type
	{
		STRING,     /// any text
		BOOL,       /// true/false, 1/0, yes/no (any case); normalised to "true"/"false"
		INTEGER,    /// decimal integer within [minimum(), maximum()]
		ENUM,       /// one of allowedValues() (any case); normalised to the listed spelling
		LIST,       /// comma-separated list; repeatable on the command line
		ENUM_LIST   /// comma-separated list of allowedValues()
	};

	using Validator = std::function<void(const std::string&)>;
		/// An extra check of a (type-checked, normalised) value. Throws
		/// ConfigException with the reason only; the validator adds the key,
		/// the masked value and the source. For list keys it receives the
		/// normalised, comma-joined list.

	using ValueLookup = std::function<std::string(const std::string&)>;
		/// Returns the effective value of another key.

	using DefaultFunction = std::function<std::string(const ValueLookup&)>;
		/// Computes a default from the effective values of other keys.

	static KeyDefinition stringKey(const std::string& name, const std::string& group,
		const std::string& defaultValue, const std::string& help);
	static KeyDefinition boolKey(const std::string& name, const std::string& group,
		bool defaultValue, const std::string& help);
	static KeyDefinition integerKey(const std::string& name, const std::string& group,
		Poco::Int64 defaultValue, Poco::Int64 minimum, Poco::Int64 maximum, const std::string& help);
	static KeyDefinition enumKey(const std::string& name, const std::string& group,
		const std::vector<std::string>& allowedValues, const std::string& defaultValue, const std::string& help);
	static KeyDefinition listKey(const std::string& name, const std::string& group,
		const std::string& defaultValue, const std::string& help);
	static KeyDefinition enumListKey(const std::string& name, const std::string& group,
		const std::vector<std::string>& allowedValues, const std::string& defaultValue, const std::string& help);
		/// The named constructors. `group` places the key in the help output
		/// (built-in groups: common, git, dtrack, oci, job, runtime). The name
		/// and default are checked when the key is added to a ConfigSchema.

	KeyDefinition& markSecret();
		/// The value is a secret: it is shown as `***` in errors and help.

	KeyDefinition& markEnvOnly();
		/// The key is accepted only from its environment variable, never from
		/// the command line or a config file.

	KeyDefinition& withUnit(const std::string& unit);
		/// Unit of an integer key, shown in help and errors ("seconds").

	KeyDefinition& withAllowedText(const std::string& text);
		/// Replaces the generated description of the allowed values.

	KeyDefinition& withValidator(const Validator& validator);
		/// Adds an extra check; validators run in the order added.

	KeyDefinition& withDerivedDefault(const DefaultFunction& function, const std::string& description);
		/// The default is computed from other keys; `description` explains it
		/// in help ("jobimage when job-image is set, else syft").

	const std::string& name() const;
		/// The kebab-case key name, e.g. "job-timeout".

	Type type() const;
		/// The value type.

	const std::string& group() const;
		/// The group the key is listed under in help.

	const std::string& defaultValue() const;
		/// The static default; for a derived default, see defaultFor().

	const std::string& help() const;
		/// The one-line help text.

	bool isSecret() const;
		/// True when the value must never be shown (see markSecret()).

	bool isEnvOnly() const;
		/// True when only the environment variable may set it (see markEnvOnly()).

	bool isList() const;
		/// True for LIST and ENUM_LIST.

	Poco::Int64 minimum() const;
	Poco::Int64 maximum() const;
		/// The inclusive range of an INTEGER key; 0 for other types.

	const std::vector<std::string>& allowedValues() const;
		/// The values of an ENUM or ENUM_LIST key, in their listed spelling.

	const std::string& unit() const;
		/// The unit of an INTEGER key; may be empty.

	const std::vector<Validator>& validators() const;
		/// The extra checks, in the order they run.

	bool hasDerivedDefault() const;
		/// True when the default is computed from other keys.

	std::string defaultFor(const ValueLookup& lookup) const;
		/// The effective default: the derived one when set (computed with
		/// `lookup`), else defaultValue().

	std::string defaultDescription() const;
		/// The default as shown in help: the derived-default description, or
		/// the static default.

	std::string envName() const;
		/// `SBOM_` + the name in upper case with '-' replaced by '_':
		/// "job-timeout" gives "SBOM_JOB_TIMEOUT".

	std::string optionName() const;
		/// "--" + name.

	std::string allowed() const;
		/// What the key accepts, as shown in errors and help: the text set with
		/// withAllowedText(), or one generated from the type ("one of tag,
		/// prefix", "integer from 1 to 2147483647 (seconds)", ...); empty for
		/// a plain string key.

	std::string typeName() const;
		/// Short type for help: string, bool, integer, enum, list, enum-list.

	static std::string envNameOf(const std::string& name);
		/// The environment variable for a key name (see envName()).

private:
	KeyDefinition(const std::string& name, Type type, const std::string& group,
		const std::string& defaultValue, const std::string& help);

	std::string _name;
	Type _type;
	std::string _group;
	std::string _default;
	std::string _help;
	bool _secret = false;
	bool _envOnly = false;
	Poco::Int64 _minimum = 0;
	Poco::Int64 _maximum = 0;
	std::vector<std::string> _allowedValues;
	std::string _unit;
	std::string _allowedText;
	std::vector<Validator> _validators;
	DefaultFunction _derivedDefault;
	std::string _derivedDescription;
};


//
// inlines
//
inline const std::string& KeyDefinition::name() const
{
	return _name;
}


inline KeyDefinition::Type KeyDefinition::type() const
{
	return _type;
}


inline const std::string& KeyDefinition::group() const
{
	return _group;
}


inline const std::string& KeyDefinition::defaultValue() const
{
	return _default;
}


inline const std::string& KeyDefinition::help() const
{
	return _help;
}


inline bool KeyDefinition::isSecret() const
{
	return _secret;
}


inline bool KeyDefinition::isEnvOnly() const
{
	return _envOnly;
}


inline bool KeyDefinition::isList() const
{
	return _type == LIST || _type == ENUM_LIST;
}


inline Poco::Int64 KeyDefinition::minimum() const
{
	return _minimum;
}


inline Poco::Int64 KeyDefinition::maximum() const
{
	return _maximum;
}


inline const std::vector<std::string>& KeyDefinition::allowedValues() const
{
	return _allowedValues;
}


inline const std::string& KeyDefinition::unit() const
{
	return _unit;
}


inline const std::vector<KeyDefinition::Validator>& KeyDefinition::validators() const
{
	return _validators;
}


inline bool KeyDefinition::hasDerivedDefault() const
{
	return static_cast<bool>(_derivedDefault);
}


} } // namespace sbomop::config

#endif // SBOMOP_Config_KeyDefinition_INCLUDED
