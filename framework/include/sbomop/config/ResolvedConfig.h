//
// ResolvedConfig.h
//
// The outcome of loading the configuration: one validated, normalised value
// per key, and where each value came from.
//

#ifndef SBOMOP_Config_ResolvedConfig_INCLUDED
#define SBOMOP_Config_ResolvedConfig_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/Provenance.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API ResolvedConfig
	/// Effective values (in a Poco MapConfiguration, so that components can
	/// take a plain AbstractConfiguration or a ConfigurationView of it) plus a
	/// Provenance per key. Copies share the same MapConfiguration.
	///
	/// Filled by ConfigLoader on one thread; afterwards reads are thread-safe.
{
public:
	ResolvedConfig();
		/// An empty result.

	void set(const std::string& key, const std::string& value, const Provenance& provenance);
		/// Stores the effective value of `key` and its provenance.

	Poco::AutoPtr<Poco::Util::AbstractConfiguration> configuration() const;
		/// The values; every key of the schema the loader used is present.

	bool has(const std::string& key) const;
		/// True when `key` was resolved.

	std::string value(const std::string& key) const;
		/// The effective value. Throws Poco::NotFoundException for a key that
		/// was not resolved.

	const Provenance& provenance(const std::string& key) const;
		/// Where the value of `key` came from. Throws Poco::NotFoundException
		/// for a key that was not resolved.

	std::vector<std::string> keys() const;
		/// The resolved keys, sorted by name.

private:
	Poco::AutoPtr<Poco::Util::MapConfiguration> _values;
	std::map<std::string, Provenance> _provenance;
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_ResolvedConfig_INCLUDED
