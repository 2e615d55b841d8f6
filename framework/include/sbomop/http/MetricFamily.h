//
// MetricFamily.h
//
// The base of metric families: one metric name with children per label values.
//

#ifndef SBOMOP_Http_MetricFamily_INCLUDED
#define SBOMOP_Http_MetricFamily_INCLUDED

#include "sbomop/http/Metric.h"
#include "sbomop/http/MetricSnapshot.h"
#include <Poco/Mutex.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace http {

class SBOMOP_API MetricFamily
	/// A named metric with help text, type and label names, holding one child
	/// (Counter, Gauge, Histogram) per combination of label values. Children
	/// are created on first use and never removed, so references to them stay
	/// valid as long as the family lives (families live as long as their
	/// MetricsRegistry). Keep label values bounded (no ids, no free text):
	/// every combination is a time series. Thread-safe.
{
public:
	virtual ~MetricFamily();

	MetricFamily(const MetricFamily&) = delete;
	MetricFamily& operator = (const MetricFamily&) = delete;

	const std::string& name() const;
	const std::string& help() const;
	MetricSnapshot::Type type() const;
	const std::vector<std::string>& labelNames() const;

	Metric& child(const std::vector<std::string>& labelValues);
		/// Returns the child for the label values (one per label name, in
		/// the same order), creating it if needed. Throws
		/// Poco::InvalidArgumentException if the number of values does not
		/// match the number of label names.

	std::size_t size() const;
		/// Returns the number of children.

	MetricSnapshot snapshot() const;
		/// Returns the current samples of all children, ordered by label
		/// values. Labels are rendered in the order of labelNames().

	virtual bool isCompatible(const MetricFamily& other) const;
		/// Returns true if other describes the same metric: same name, type,
		/// help and label names (subclasses add their own parameters).

protected:
	MetricFamily(const std::string& name, const std::string& help, MetricSnapshot::Type type,
		const std::vector<std::string>& labelNames, const std::string& reservedLabel = std::string());
		/// Validates name and label names (see MetricNames) and throws
		/// Poco::InvalidArgumentException if they are invalid.

	virtual std::unique_ptr<Metric> createChild() const = 0;
		/// Creates a new child with a zero value.

private:
	const std::string _name;
	const std::string _help;
	const MetricSnapshot::Type _type;
	const std::vector<std::string> _labelNames;
	std::map<std::vector<std::string>, std::unique_ptr<Metric>> _children;
	mutable Poco::FastMutex _mutex;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_MetricFamily_INCLUDED
