//
// TextExposition.cpp
//

#include "sbomop/http/TextExposition.h"
#include <Poco/NumberFormatter.h>
#include <cmath>

namespace sbomop {
namespace http {

namespace {

void appendEscaped(std::string& out, const std::string& value, bool escapeQuotes)
{
	for (const char c: value)
	{
		switch (c)
		{
		case '\\': out += "\\\\"; break;
		case '\n': out += "\\n"; break;
		case '"':
			if (escapeQuotes) out += "\\\""; else out += c;
			break;
		default: out += c;
		}
	}
}


void appendSample(std::string& out, const MetricSnapshot::Sample& sample)
{
	out += sample.name;
	if (!sample.labels.empty())
	{
		out += '{';
		for (std::size_t i = 0; i < sample.labels.size(); ++i)
		{
			if (i > 0) out += ',';
			out += sample.labels[i].first;
			out += "=\"";
			appendEscaped(out, sample.labels[i].second, true);
			out += '"';
		}
		out += '}';
	}
	out += ' ';
	out += TextExposition::formatValue(sample.value);
	out += '\n';
}

} // namespace


const std::string TextExposition::CONTENT_TYPE("text/plain; version=0.0.4; charset=utf-8");


std::string TextExposition::render(const std::vector<MetricSnapshot>& families)
{
	std::string out;
	for (const auto& family: families) append(out, family);
	return out;
}


void TextExposition::append(std::string& out, const MetricSnapshot& family)
{
	if (family.samples.empty()) return;

	out += "# HELP ";
	out += family.name;
	out += ' ';
	appendEscaped(out, family.help, false);
	out += "\n# TYPE ";
	out += family.name;
	out += ' ';
	out += MetricSnapshot::typeName(family.type);
	out += '\n';
	for (const auto& sample: family.samples) appendSample(out, sample);
}


std::string TextExposition::formatValue(double value)
{
	if (std::isnan(value)) return "NaN";
	if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
	// Poco's double-conversion based formatting is shortest-round-trip and,
	// unlike printf, independent of the C locale.
	return Poco::NumberFormatter::format(value);
}


std::string TextExposition::escapeLabelValue(const std::string& value)
{
	std::string out;
	appendEscaped(out, value, true);
	return out;
}


std::string TextExposition::escapeHelp(const std::string& help)
{
	std::string out;
	appendEscaped(out, help, false);
	return out;
}


} } // namespace sbomop::http
