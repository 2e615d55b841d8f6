//
// MetricFamily.cpp
//

#include "sbomop/http/MetricFamily.h"
#include "sbomop/http/MetricNames.h"
#include <Poco/Exception.h>
#include <Poco/NumberFormatter.h>

namespace sbomop {
namespace http {


MetricFamily::MetricFamily(const std::string& name, const std::string& help, MetricSnapshot::Type type,
		const std::vector<std::string>& labelNames, const std::string& reservedLabel):
	_name(name),
	_help(help),
	_type(type),
	_labelNames(labelNames)
{
	MetricNames::checkMetricName(name);
	MetricNames::checkLabelNames(labelNames, reservedLabel);
}


MetricFamily::~MetricFamily() = default;


const std::string& MetricFamily::name() const
{
	return _name;
}


const std::string& MetricFamily::help() const
{
	return _help;
}


MetricSnapshot::Type MetricFamily::type() const
{
	return _type;
}


const std::vector<std::string>& MetricFamily::labelNames() const
{
	return _labelNames;
}


Metric& MetricFamily::child(const std::vector<std::string>& labelValues)
{
	if (labelValues.size() != _labelNames.size())
	{
		throw Poco::InvalidArgumentException("metric " + _name + " has " + Poco::NumberFormatter::format(_labelNames.size())
			+ " labels, got " + Poco::NumberFormatter::format(labelValues.size()) + " values");
	}
	Poco::FastMutex::ScopedLock lock(_mutex);
	auto it = _children.find(labelValues);
	if (it == _children.end()) it = _children.emplace(labelValues, createChild()).first;
	return *it->second;
}


std::size_t MetricFamily::size() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _children.size();
}


MetricSnapshot MetricFamily::snapshot() const
{
	MetricSnapshot result;
	result.name = _name;
	result.help = _help;
	result.type = _type;

	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& entry: _children)
	{
		MetricSnapshot::Labels labels;
		labels.reserve(_labelNames.size());
		for (std::size_t i = 0; i < _labelNames.size(); ++i) labels.emplace_back(_labelNames[i], entry.first[i]);
		entry.second->appendSamples(_name, labels, result.samples);
	}
	return result;
}


bool MetricFamily::isCompatible(const MetricFamily& other) const
{
	return _name == other._name && _type == other._type && _help == other._help && _labelNames == other._labelNames;
}


} } // namespace sbomop::http
