//
// ConfigFileReader.h
//
// Reads the config file given with --config. The format follows the
// extension: .properties, .json, .xml or .ini. Keys are the kebab-case key
// names at the top level (no INI sections, no nesting).
//

#ifndef SBOMOP_Config_ConfigFileReader_INCLUDED
#define SBOMOP_Config_ConfigFileReader_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API ConfigFileReader
	/// Turns a config file into a flat list of entries without interpreting
	/// them; ConfigLoader checks keys and values against the schema.
	/// Stateless and thread-safe.
{
public:
	struct Entry
	{
		std::string key;
			/// The key; nested JSON objects, XML elements and INI sections
			/// give dotted names ("git.branch"), which no schema accepts.
		std::vector<std::string> values;
			/// One value, or the items of a JSON array or of a repeated XML
			/// element.
		bool multiple;
			/// True for a JSON array or a repeated XML element, which only
			/// list keys accept.
	};

	static std::vector<Entry> read(const std::string& path);
		/// Reads `path`. The entries come in key order.
		/// - .properties: Poco::Util::PropertyFileConfiguration;
		/// - .json: a JSON object; strings, numbers, booleans and null ("")
		///   as values, arrays of those for list keys;
		/// - .xml: Poco::Util::XMLConfiguration, any root element, one child
		///   element per key, repeated for list items;
		/// - .ini: Poco::Util::IniFileConfiguration, keys before any section.
		/// Values are taken literally (no ${...} expansion).
		/// Throws ConfigException "cannot read config file '<path>': <reason>"
		/// when the file does not exist, cannot be read, has an unsupported
		/// extension or is malformed.
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_ConfigFileReader_INCLUDED
