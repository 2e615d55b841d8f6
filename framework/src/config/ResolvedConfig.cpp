//
// ResolvedConfig.cpp
//

#include "sbomop/config/ResolvedConfig.h"
#include <Poco/Exception.h>

namespace sbomop {
namespace config {

ResolvedConfig::ResolvedConfig():
	_values(new Poco::Util::MapConfiguration)
{
}


void ResolvedConfig::set(const std::string& key, const std::string& value, const Provenance& provenance)
{
	_values->setString(key, value);
	_provenance[key] = provenance;
}


Poco::AutoPtr<Poco::Util::AbstractConfiguration> ResolvedConfig::configuration() const
{
	return Poco::AutoPtr<Poco::Util::AbstractConfiguration>(_values);
}


bool ResolvedConfig::has(const std::string& key) const
{
	return _provenance.find(key) != _provenance.end();
}


std::string ResolvedConfig::value(const std::string& key) const
{
	if (!has(key)) throw Poco::NotFoundException("configuration key", key);
	return _values->getRawString(key);
}


const Provenance& ResolvedConfig::provenance(const std::string& key) const
{
	auto it = _provenance.find(key);
	if (it == _provenance.end()) throw Poco::NotFoundException("configuration key", key);
	return it->second;
}


std::vector<std::string> ResolvedConfig::keys() const
{
	std::vector<std::string> result;
	for (const auto& entry: _provenance) result.push_back(entry.first);
	return result;
}


} } // namespace sbomop::config
