//
// ConfigException.h
//
// The one exception of the configuration layer. Every configuration error the
// operator reports at startup (unknown key, wrong type, value out of range,
// missing value, unreadable config file, bad command line) is a
// ConfigException whose message() is exactly one line; the host prints it as
// `sbom-operator: <message>` and exits with code 78 (EX_CONFIG).
//

#ifndef SBOMOP_Config_ConfigException_INCLUDED
#define SBOMOP_Config_ConfigException_INCLUDED

#include "sbomop/core/Exception.h"
#include <string>

namespace sbomop {
namespace config {

class SBOMOP_API ConfigException: public sbomop::SbomopException
	/// A configuration error. Besides the one-line message it carries the key,
	/// the value as it may be shown (masked as `***` for secret keys), a
	/// description of the allowed values and the source of the value
	/// (`--job-timeout`, `SBOM_JOB_TIMEOUT`, `file /etc/sbom.properties`,
	/// `default`). Fields that do not apply are empty.
	///
	/// The message never contains the value of a secret key: the named
	/// constructors below mask it. Line breaks in any part are replaced by
	/// spaces so that the message stays on one line.
{
public:
	explicit ConfigException(const std::string& message);
		/// A plain error without key context. Per-key validators throw this
		/// with the reason only ("not a valid label selector: ..."); the
		/// validator turns it into a full invalidValue() error.

	ConfigException(const std::string& message, const std::string& key, const std::string& displayValue,
		const std::string& allowed, const std::string& source);
		/// An error with every field given explicitly. `displayValue` must
		/// already be masked for secret keys.

	ConfigException(const ConfigException& other);
	~ConfigException() noexcept override;
	ConfigException& operator = (const ConfigException& other);

	static ConfigException invalidValue(const std::string& key, const std::string& value, bool secret,
		const std::string& source, const std::string& reason, const std::string& allowed);
		/// `invalid value "<value>" for key '<key>' (from <source>): <reason>; allowed: <allowed>`.
		/// The value is shown as `***` when `secret` is true, and any
		/// occurrence of it inside `reason` is masked too. The `(from ...)`
		/// and `; allowed: ...` parts are left out when empty.

	static ConfigException unknownKey(const std::string& key, const std::string& source, const std::string& suggestion);
		/// `unknown key '<key>' (from <source>); did you mean '<suggestion>'?`;
		/// the question is left out when `suggestion` is empty.

	static ConfigException missingValue(const std::string& key, const std::string& reason);
		/// `missing value for key '<key>': <reason>`, e.g. reason "required by target git".

	static ConfigException wrongSource(const std::string& key, const std::string& source, const std::string& envName);
		/// `key '<key>' (from <source>) can only be set through the environment variable <envName>`.

	static ConfigException fileError(const std::string& path, const std::string& reason);
		/// `cannot read config file '<path>': <reason>`.

	const std::string& key() const;
		/// The key the error is about; empty when the error is not about one key.

	const std::string& displayValue() const;
		/// The offending value as it may be shown: `***` for secret keys.

	const std::string& allowed() const;
		/// What the key accepts, e.g. "integer from 1 to 2147483647 (seconds)".

	const std::string& source() const;
		/// Where the value came from, e.g. `--job-timeout` or `SBOM_JOB_TIMEOUT`.

	const char* name() const noexcept override;
	const char* className() const noexcept override;
	Poco::Exception* clone() const override;
	void rethrow() const override;

	static const std::string MASK;
		/// "***", shown instead of secret values.

	static std::string oneLine(const std::string& text);
		/// Returns `text` with CR and LF replaced by spaces.

private:
	std::string _key;
	std::string _displayValue;
	std::string _allowed;
	std::string _source;
};


//
// inlines
//
inline const std::string& ConfigException::key() const
{
	return _key;
}


inline const std::string& ConfigException::displayValue() const
{
	return _displayValue;
}


inline const std::string& ConfigException::allowed() const
{
	return _allowed;
}


inline const std::string& ConfigException::source() const
{
	return _source;
}


} } // namespace sbomop::config

#endif // SBOMOP_Config_ConfigException_INCLUDED
