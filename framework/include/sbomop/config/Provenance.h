//
// Provenance.h
//
// Where the effective value of a configuration key came from.
//

#ifndef SBOMOP_Config_Provenance_INCLUDED
#define SBOMOP_Config_Provenance_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace config {

struct SBOMOP_API Provenance
	/// The layer that supplied a value and the exact source within it, as it
	/// appears in error messages: `--job-timeout`, `SBOM_JOB_TIMEOUT`,
	/// `file /etc/sbom-operator/config.properties` or `default`.
{
	enum Layer
	{
		COMMAND_LINE,   /// highest precedence
		ENVIRONMENT,
		FILE,
		DEFAULT         /// lowest precedence
	};

	Layer layer = DEFAULT;
	std::string source = "default";

	static std::string layerName(Layer layer);
		/// "command line", "environment", "file" or "default".
};


//
// inlines
//
inline std::string Provenance::layerName(Layer layer)
{
	switch (layer)
	{
	case COMMAND_LINE: return "command line";
	case ENVIRONMENT: return "environment";
	case FILE: return "file";
	case DEFAULT: break;
	}
	return "default";
}


} } // namespace sbomop::config

#endif // SBOMOP_Config_Provenance_INCLUDED
