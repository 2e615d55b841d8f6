//
// Settings.h
//
// Typed read access to the configuration. Missing keys fall back to the
// schema's defaults, so components never repeat a default value.
//

#ifndef SBOMOP_Config_Settings_INCLUDED
#define SBOMOP_Config_Settings_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/ConfigSchema.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API Settings
	/// A view of a configuration (normally ResolvedConfig::configuration())
	/// through a schema. Every getter accepts only keys of the schema and
	/// returns the configured value, or the key's default (derived defaults
	/// included) when the configuration lacks the key.
	///
	/// Keeps the configuration alive and a reference to the schema, which must
	/// outlive the Settings. Thread-safe for reads.
{
public:
	Settings(Poco::AutoPtr<Poco::Util::AbstractConfiguration> config, const ConfigSchema& schema);
		/// Reads `config` (must not be null) through `schema`.

	std::string getString(const std::string& key) const;
		/// The value as text, for a key of any type.
		/// Throws Poco::NotFoundException for a key not in the schema.

	bool getBool(const std::string& key) const;
		/// The value of a BOOL key.
		/// Throws Poco::NotFoundException for a key not in the schema,
		/// Poco::InvalidAccessException for a key of another type and
		/// ConfigException for a value that is not a boolean.

	int getInt(const std::string& key) const;
		/// The value of an INTEGER key. Throws like getBool(); ConfigException
		/// also when the value does not fit into an int.

	std::vector<std::string> getList(const std::string& key) const;
		/// The items of a LIST or ENUM_LIST key: split at commas, trimmed,
		/// empty items dropped. Throws like getBool() (except for the value).

	const Poco::Util::AbstractConfiguration& configuration() const;
		/// The underlying configuration.

private:
	std::string typedValue(const std::string& key, KeyDefinition::Type type, KeyDefinition::Type otherType) const;

	Poco::AutoPtr<Poco::Util::AbstractConfiguration> _config;
	const ConfigSchema& _schema;
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_Settings_INCLUDED
