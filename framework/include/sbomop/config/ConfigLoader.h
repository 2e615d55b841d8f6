//
// ConfigLoader.h
//
// Merges the configuration layers, highest precedence first:
//
//     1. command line        --job-timeout=60, --job-timeout 60, --once
//     2. environment         SBOM_JOB_TIMEOUT=60 (empty values count as unset)
//     3. config file         --config FILE (.properties, .json, .xml, .ini)
//     4. defaults            from the ConfigSchema
//
// and validates the winning value of every key. The host's startup sequence:
//
//     CommandLine cl = CommandLine::parse(args);
//     ConfigSchema schema = BuiltinKeys::schema();
//     ConfigLoader loader(schema);
//     loader.load(cl, ConfigLoader::processEnvironment());
//     ... load the plugin named by loader.peek("backend"), let it add keys ...
//     ResolvedConfig config = loader.resolve();
//
// Any ConfigException on the way is printed as `sbom-operator: <message>` and
// ends the process with exit code 78.
//

#ifndef SBOMOP_Config_ConfigLoader_INCLUDED
#define SBOMOP_Config_ConfigLoader_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/CommandLine.h"
#include "sbomop/config/ConfigFileReader.h"
#include "sbomop/config/ConfigSchema.h"
#include "sbomop/config/ResolvedConfig.h"
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API ConfigLoader
	/// Collects the layers with load() and resolves them against the schema
	/// with resolve(). The two steps are separate so that a backend plugin,
	/// chosen from the not yet validated configuration with peek(), can add
	/// its keys to the schema in between.
	///
	/// Keeps a reference to the schema, which must outlive the loader. Not
	/// synchronised: use from one thread.
{
public:
	explicit ConfigLoader(const ConfigSchema& schema);
		/// Resolves against `schema`, which must outlive the loader and may
		/// grow between load() and resolve().

	ConfigLoader& load(const CommandLine& commandLine, const std::map<std::string, std::string>& environment);
		/// Takes the command line, the `SBOM_*` entries of `environment` (the
		/// others are not kept; tests pass their own map) and reads the
		/// config file named by --config, if any. Returns *this.
		/// Throws ConfigException when the config file is missing,
		/// unreadable, malformed or of an unsupported format.

	std::string peek(const std::string& key) const;
		/// The raw value that would win for `key` (command line, environment,
		/// file, then the schema's default, derived defaults included), without
		/// validation; "" for a key that is nowhere. Meant for choosing the
		/// backend before the plugin's keys are known. Never throws.

	ResolvedConfig resolve() const;
		/// Checks every layer against the current schema and returns the
		/// effective, normalised value and the provenance of every schema key.
		/// Throws ConfigException, in this order, for: an unknown key on the
		/// command line (with a "did you mean" hint) or in the file; an
		/// environment-only key given elsewhere; a bare option for a
		/// non-boolean key; several values in the file for a non-list key; the
		/// first winning value (in schema order) that fails validation.
		/// Unknown `SBOM_*` variables are ignored (`SBOM_JOB_*` are meant for
		/// the job image). A list key given several times on the command line
		/// collects all values; any other key repeated there takes the last.
		/// Values that lose to a higher layer are not validated.

	const std::string& configFile() const;
		/// The config file read by load(); empty when none.

	static std::map<std::string, std::string> processEnvironment();
		/// The environment of this process as a map.

private:
	struct Candidate
	{
		std::vector<std::string> values;
		Provenance provenance;
		bool found = false;
	};

	Candidate winner(const KeyDefinition* key, const std::string& name) const;
	void checkExplicitKeys() const;
	const ConfigFileReader::Entry* fileEntry(const std::string& key) const;
	std::string fileSource() const;

	const ConfigSchema& _schema;
	CommandLine _commandLine;
	std::map<std::string, std::string> _environment;
	std::string _configFile;
	std::vector<ConfigFileReader::Entry> _fileEntries;
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_ConfigLoader_INCLUDED
