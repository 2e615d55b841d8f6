//
// CommandLine.h
//
// The operator's command line: `--key=value`, `--key value`, bare `--flag`
// for booleans, a list key repeated to accumulate, `--config FILE`, `--help`
// (`-h`) and `--version`. Option names must be spelled out in full: there are
// no abbreviations (unlike Poco::Util::OptionProcessor) and no positional
// arguments.
//

#ifndef SBOMOP_Config_CommandLine_INCLUDED
#define SBOMOP_Config_CommandLine_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/ConfigSchema.h"
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API CommandLine
	/// The parsed command line: the options in the order given plus the
	/// special options. Keys are not checked against the schema here (a backend
	/// plugin may declare more keys later); ConfigLoader does that.
	/// A value type; const access is thread-safe.
{
public:
	struct Option
	{
		std::string key;      /// name without the leading "--"
		std::string value;    /// empty when hasValue is false
		bool hasValue;        /// false for a bare `--key`
	};

	CommandLine();
		/// An empty command line.

	static CommandLine parse(const std::vector<std::string>& args);
		/// parse(args, BuiltinKeys::schema()).

	static CommandLine parse(const std::vector<std::string>& args, const ConfigSchema& schema);
		/// Parses `args`, WITHOUT the program name (argv[1..]). The schema
		/// tells which options are booleans: a bare boolean option never takes
		/// the next argument as its value. Any other `--key` without `=` takes
		/// the next argument as its value unless that starts with "--" (then
		/// the option is bare, which ConfigLoader rejects for non-boolean
		/// keys).
		/// Throws ConfigException for a positional argument, a single-dash
		/// option other than -h, `--` alone or with an empty name, `--help`
		/// or `--version` with a value, and a missing, empty or repeated
		/// `--config`. Messages never show the value of a secret key.

	bool helpRequested() const;
		/// True after --help or -h.

	bool versionRequested() const;
		/// True after --version.

	const std::string& configFile() const;
		/// The file given with --config; empty when none.

	const std::vector<Option>& options() const;
		/// The key options in command-line order (repeats included).

	bool has(const std::string& key) const;
		/// True when `key` was given at least once.

	std::vector<std::string> values(const std::string& key) const;
		/// The values given for `key`, in order (a bare option contributes "").

private:
	bool _help;
	bool _version;
	std::string _configFile;
	std::vector<Option> _options;
};


//
// inlines
//
inline bool CommandLine::helpRequested() const
{
	return _help;
}


inline bool CommandLine::versionRequested() const
{
	return _version;
}


inline const std::string& CommandLine::configFile() const
{
	return _configFile;
}


inline const std::vector<CommandLine::Option>& CommandLine::options() const
{
	return _options;
}


} } // namespace sbomop::config

#endif // SBOMOP_Config_CommandLine_INCLUDED
