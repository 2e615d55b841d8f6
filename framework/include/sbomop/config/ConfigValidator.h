//
// ConfigValidator.h
//
// Checks configuration values against the schema: known key, type, range,
// allowed values, and the per-key validators; and turns every failure into a
// one-line ConfigException.
//

#ifndef SBOMOP_Config_ConfigValidator_INCLUDED
#define SBOMOP_Config_ConfigValidator_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/ConfigSchema.h"
#include <string>

namespace Poco {
namespace Util {
class AbstractConfiguration;
} }

namespace sbomop {
namespace config {

class SBOMOP_API ConfigValidator
	/// Validates values against a ConfigSchema. Holds a reference to the
	/// schema, which must outlive the validator. Const member functions are
	/// thread-safe as long as the schema is not modified.
{
public:
	explicit ConfigValidator(const ConfigSchema& schema);
		/// Validates against `schema`, which must outlive the validator.

	std::string check(const std::string& key, const std::string& value, const std::string& source) const;
		/// Checks one value of `key` that came from `source` (e.g.
		/// "--job-timeout") and returns it normalised (see checkType()).
		/// Throws ConfigException for an unknown key (with a "did you mean"
		/// hint), a value of the wrong type, out of range or not allowed, or
		/// rejected by a per-key validator.

	void validate(const Poco::Util::AbstractConfiguration& config, const std::string& source) const;
		/// Checks every leaf key of `config` (e.g. a MapConfiguration built by
		/// hand) with check(); `source` names the configuration in errors.
		/// Throws ConfigException for the first bad key, in key order.

	static std::string checkType(const KeyDefinition& key, const std::string& value, const std::string& source);
		/// Type check only, no per-key validators. Returns the normalised
		/// value: booleans as "true"/"false", integers in canonical decimal,
		/// enum values in their listed spelling, lists trimmed without empty
		/// items (and without duplicates for enum lists), joined with ",".
		/// Throws ConfigException.

	static std::string checkValue(const KeyDefinition& key, const std::string& value, const std::string& source);
		/// checkType() followed by the key's validators (which receive the
		/// normalised value). Throws ConfigException.

	static void requireNonEmpty(const Poco::Util::AbstractConfiguration& config, const std::string& key, const std::string& reason);
		/// Throws ConfigException "missing value for key '<key>': <reason>"
		/// when `key` is absent from `config` or blank (for lists: has no
		/// items). `reason` says who needs it, e.g. "required by target git".

private:
	const ConfigSchema& _schema;
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_ConfigValidator_INCLUDED
