//
// TargetRegistry.h
//
// Storage targets by name: the four built-in ones and any that an in-process
// backend registers, so that `targets = <name>` resolves in one place.
//

#ifndef SBOMOP_Targets_TargetRegistry_INCLUDED
#define SBOMOP_Targets_TargetRegistry_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/Target.h"
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace targets {

class SBOMOP_API TargetRegistry
	/// A map from target name to factory. Thread-safe.
{
public:
	using Factory = std::function<std::unique_ptr<Target>()>;

	TargetRegistry();
		/// An empty registry.

	static TargetRegistry& builtin();
		/// The process-wide registry holding git, dtrack, oci and configmap.

	void add(const std::string& name, const Factory& factory);
		/// Registers `factory` under `name`, replacing an earlier one.
		/// Throws Poco::InvalidArgumentException for an empty name or factory.

	std::unique_ptr<Target> create(const std::string& name) const;
		/// A new target of that name, or null when none is registered.

	std::vector<std::string> names() const;
		/// The registered names, sorted.

private:
	mutable std::mutex _mutex;
	std::map<std::string, Factory> _factories;
};

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_TargetRegistry_INCLUDED
