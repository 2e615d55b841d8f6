//
// HelpPrinter.h
//
// `sbom-operator --help` and the generated configuration reference: every key
// of the schema with its option, environment variable, default and help line.
//

#ifndef SBOMOP_Config_HelpPrinter_INCLUDED
#define SBOMOP_Config_HelpPrinter_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/ConfigSchema.h"
#include <ostream>

namespace sbomop {
namespace config {

class SBOMOP_API HelpPrinter
	/// Formats the schema for people. Stateless and thread-safe; secret
	/// defaults are shown as `***`.
{
public:
	static void print(std::ostream& out, const ConfigSchema& schema);
		/// Plain-text help for the terminal: usage, the special options
		/// (--help, --version, --config), then the keys group by group, each
		/// with its option, environment variable, default, allowed values and
		/// help line. Environment-only keys are listed by their variable.

	static void printMarkdown(std::ostream& out, const ConfigSchema& schema);
		/// One Markdown table with a row per key, in group order: option,
		/// environment variable, group, allowed values, default, description.
		/// The output is stable for a given schema, so generated
		/// documentation can be compared with it.
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_HelpPrinter_INCLUDED
