//
// MetricsRegistry.cpp
//

#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/http/MetricNames.h"
#include "sbomop/http/TextExposition.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <algorithm>
#include <exception>
#include <set>

namespace sbomop {
namespace http {

namespace {

Poco::Logger& logger()
{
	return Poco::Logger::get("sbomop.http.metrics");
}


std::string invalidNameIn(const MetricSnapshot& family)
	// Returns the first invalid name in a collector's family, or "".
{
	if (!MetricNames::isValidMetricName(family.name)) return family.name;
	for (const auto& sample: family.samples)
	{
		if (!MetricNames::isValidMetricName(sample.name)) return sample.name;
		for (const auto& label: sample.labels)
		{
			if (!MetricNames::isValidLabelName(label.first)) return label.first;
		}
	}
	return std::string();
}


std::vector<MetricSnapshot> runCollector(const MetricsRegistry::Collector& collector)
{
	std::vector<MetricSnapshot> families;
	try
	{
		collector(families);
		return families;
	}
	catch (Poco::Exception& exc)
	{
		logger().warning("metrics collector failed: " + exc.displayText());
	}
	catch (std::exception& exc)
	{
		logger().warning(std::string("metrics collector failed: ") + exc.what());
	}
	return {};
}

} // namespace


MetricsRegistry::MetricsRegistry():
	_nextCollectorId(1)
{
}


MetricsRegistry::~MetricsRegistry() = default;


MetricsRegistry& MetricsRegistry::defaultRegistry()
{
	// Deliberately leaked: metrics may be updated from other static destructors.
	static MetricsRegistry* pRegistry = new MetricsRegistry;
	return *pRegistry;
}


CounterFamily& MetricsRegistry::counter(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames)
{
	// add() returns a family of the requested type or throws.
	return static_cast<CounterFamily&>(add(std::make_unique<CounterFamily>(name, help, labelNames)));
}


GaugeFamily& MetricsRegistry::gauge(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames)
{
	return static_cast<GaugeFamily&>(add(std::make_unique<GaugeFamily>(name, help, labelNames)));
}


HistogramFamily& MetricsRegistry::histogram(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames,
	const std::vector<double>& upperBounds)
{
	return static_cast<HistogramFamily&>(add(std::make_unique<HistogramFamily>(name, help, labelNames, upperBounds)));
}


MetricFamily& MetricsRegistry::add(std::unique_ptr<MetricFamily> pFamily)
{
	if (pFamily->labelNames().empty()) pFamily->child({});

	Poco::FastMutex::ScopedLock lock(_mutex);
	auto it = _families.find(pFamily->name());
	if (it == _families.end())
	{
		it = _families.emplace(pFamily->name(), std::move(pFamily)).first;
	}
	else if (!it->second->isCompatible(*pFamily))
	{
		// Compatibility includes the type, which keeps the callers'
		// static_casts sound.
		throw Poco::ExistsException("metric " + pFamily->name() + " is already registered with a different type, help, labels or buckets");
	}
	return *it->second;
}


std::size_t MetricsRegistry::addCollector(Collector collector)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	const std::size_t id = _nextCollectorId++;
	_collectors.emplace(id, std::move(collector));
	return id;
}


void MetricsRegistry::removeCollector(std::size_t id)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_collectors.erase(id);
}


std::vector<MetricSnapshot> MetricsRegistry::collect() const
{
	std::vector<MetricSnapshot> result;
	std::vector<Collector> collectors;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		for (const auto& entry: _families) result.push_back(entry.second->snapshot());
		for (const auto& entry: _collectors) collectors.push_back(entry.second);
	}

	std::set<std::string> names;
	for (const auto& family: result) names.insert(family.name);
	for (const auto& collector: collectors)
	{
		for (auto& family: runCollector(collector))
		{
			const std::string invalidName = invalidNameIn(family);
			if (!invalidName.empty())
				logger().warning("metrics collector produced the invalid name '" + invalidName + "'; family " + family.name + " left out");
			else if (!names.insert(family.name).second)
				logger().warning("metrics collector produced the family " + family.name + " twice; repeat left out");
			else
				result.push_back(std::move(family));
		}
	}

	std::sort(result.begin(), result.end(),
		[](const MetricSnapshot& a, const MetricSnapshot& b) { return a.name < b.name; });
	return result;
}


std::string MetricsRegistry::render() const
{
	return TextExposition::render(collect());
}


} } // namespace sbomop::http
