//
// TargetRegistry.cpp
//

#include "sbomop/targets/TargetRegistry.h"
#include "sbomop/targets/configmap/ConfigMapTarget.h"
#include "sbomop/targets/dtrack/DtrackTarget.h"
#include "sbomop/targets/git/GitTarget.h"
#include "sbomop/targets/oci/OciTarget.h"
#include <Poco/Exception.h>

namespace sbomop {
namespace targets {

namespace {

template <typename T>
TargetRegistry::Factory factoryOf()
{
	return [] { return std::unique_ptr<Target>(new T); };
}

} // namespace


TargetRegistry::TargetRegistry()
{
}


TargetRegistry& TargetRegistry::builtin()
{
	static TargetRegistry registry;
	static std::once_flag once;
	std::call_once(once, [] {
		registry.add("git", factoryOf<GitTarget>());
		registry.add("dtrack", factoryOf<DtrackTarget>());
		registry.add("oci", factoryOf<OciTarget>());
		registry.add("configmap", factoryOf<ConfigMapTarget>());
	});
	return registry;
}


void TargetRegistry::add(const std::string& name, const Factory& factory)
{
	if (name.empty() || !factory) throw Poco::InvalidArgumentException("a target needs a name and a factory");
	std::lock_guard<std::mutex> lock(_mutex);
	_factories[name] = factory;
}


std::unique_ptr<Target> TargetRegistry::create(const std::string& name) const
{
	Factory factory;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		const auto it = _factories.find(name);
		if (it == _factories.end()) return nullptr;
		factory = it->second;
	}
	return factory();
}


std::vector<std::string> TargetRegistry::names() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::vector<std::string> result;
	for (const auto& entry: _factories) result.push_back(entry.first);
	return result;
}


} } // namespace sbomop::targets
