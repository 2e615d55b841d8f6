//
// PrometheusTextParser.cpp
//

#include "PrometheusTextParser.h"
#include <Poco/NumberParser.h>
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace sbomop {
namespace http {

namespace {

const std::set<std::string> TYPES{"counter", "gauge", "histogram", "summary", "untyped"};


bool isNameChar(char c, bool first, bool colon)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9') || (colon && c == ':');
}


class LineReader
	// A cursor over one line; every failure names the line number.
{
public:
	LineReader(const std::string& line, int number): _line(line), _number(number)
	{
	}

	[[noreturn]] void fail(const std::string& what) const
	{
		std::ostringstream message;
		message << "line " << _number << ": " << what << " in '" << _line << "'";
		throw std::runtime_error(message.str());
	}

	bool atEnd() const
	{
		return _pos >= _line.size();
	}

	char peek() const
	{
		return atEnd() ? '\0' : _line[_pos];
	}

	void expect(char c)
	{
		if (peek() != c) fail(std::string("expected '") + c + "'");
		++_pos;
	}

	std::string name(bool colon)
	{
		const std::size_t start = _pos;
		while (!atEnd() && isNameChar(_line[_pos], _pos == start, colon)) ++_pos;
		if (_pos == start) fail("expected a name");
		return _line.substr(start, _pos - start);
	}

	std::string escaped(bool quoted)
		// Reads up to the closing quote (quoted) or the end of the line.
	{
		std::string result;
		while (!atEnd() && !(quoted && peek() == '"'))
		{
			char c = _line[_pos++];
			if (c == '\\')
			{
				if (atEnd()) fail("dangling backslash");
				c = _line[_pos++];
				if (c == 'n') result += '\n';
				else if (c == '\\') result += '\\';
				else if (c == '"' && quoted) result += '"';
				else fail(std::string("invalid escape \\") + c);
			}
			else
			{
				result += c;
			}
		}
		if (quoted) expect('"');
		return result;
	}

	std::string word()
	{
		const std::size_t start = _pos;
		while (!atEnd() && _line[_pos] != ' ') ++_pos;
		return _line.substr(start, _pos - start);
	}

	std::string rest()
	{
		std::string result = _line.substr(std::min(_pos, _line.size()));
		_pos = _line.size();
		return result;
	}

	void skipBlanks()
	{
		while (peek() == ' ' || peek() == '\t') ++_pos;
	}

private:
	const std::string& _line;
	const int _number;
	std::size_t _pos = 0;
};


double parseValue(LineReader& reader, const std::string& text)
{
	if (text == "+Inf" || text == "Inf") return HUGE_VAL;
	if (text == "-Inf") return -HUGE_VAL;
	if (text == "NaN") return std::nan("");
	double value = 0;
	const bool digits = !text.empty() && text.find_first_not_of("0123456789.eE+-") == std::string::npos;
	if (!digits || !Poco::NumberParser::tryParseFloat(text, value)) reader.fail("invalid value '" + text + "'");
	return value;
}


PrometheusTextParser::Sample parseSample(LineReader& reader)
{
	PrometheusTextParser::Sample sample;
	sample.name = reader.name(true);
	if (reader.peek() == '{')
	{
		reader.expect('{');
		std::set<std::string> seen;
		while (reader.peek() != '}')
		{
			const std::string label = reader.name(false);
			if (label.compare(0, 2, "__") == 0) reader.fail("reserved label name " + label);
			if (!seen.insert(label).second) reader.fail("duplicate label " + label);
			reader.expect('=');
			reader.expect('"');
			sample.labels.emplace_back(label, reader.escaped(true));
			if (reader.peek() == ',') reader.expect(',');
			else if (reader.peek() != '}') reader.fail("expected ',' or '}'");
		}
		reader.expect('}');
	}
	reader.expect(' ');
	reader.skipBlanks();
	sample.value = parseValue(reader, reader.word());
	reader.skipBlanks();
	if (!reader.atEnd())
	{
		const std::string timestamp = reader.word();
		Poco::Int64 ignored;
		if (!Poco::NumberParser::tryParse64(timestamp, ignored)) reader.fail("invalid timestamp");
		reader.skipBlanks();
		if (!reader.atEnd()) reader.fail("trailing text");
	}
	return sample;
}


std::string familyOf(const PrometheusTextParser::Families& families, const std::string& sampleName)
{
	for (const char* suffix: {"_bucket", "_sum", "_count"})
	{
		const std::string s(suffix);
		if (sampleName.size() > s.size() && sampleName.compare(sampleName.size() - s.size(), s.size(), s) == 0)
		{
			const std::string base = sampleName.substr(0, sampleName.size() - s.size());
			const auto it = families.find(base);
			if (it != families.end() && (it->second.type == "histogram" || (it->second.type == "summary" && s != "_bucket")))
				return base;
		}
	}
	return sampleName;
}


PrometheusTextParser::Labels withoutLe(const PrometheusTextParser::Labels& labels, std::string* pLe)
{
	PrometheusTextParser::Labels result;
	for (const auto& label: labels)
	{
		if (label.first == "le") *pLe = label.second;
		else result.push_back(label);
	}
	std::sort(result.begin(), result.end());
	return result;
}


void checkHistogram(const PrometheusTextParser::Family& family)
{
	struct Series
	{
		std::vector<std::pair<double, double>> buckets;  // le, count
		bool hasSum = false;
		double count = -1;
	};
	std::map<PrometheusTextParser::Labels, Series> series;
	for (const auto& sample: family.samples)
	{
		std::string le;
		Series& s = series[withoutLe(sample.labels, &le)];
		if (sample.name == family.name + "_bucket")
		{
			if (le.empty()) throw std::runtime_error(family.name + ": bucket without le");
			LineReader reader(le, 0);
			s.buckets.emplace_back(parseValue(reader, le), sample.value);
		}
		else if (sample.name == family.name + "_sum") s.hasSum = true;
		else if (sample.name == family.name + "_count") s.count = sample.value;
		else throw std::runtime_error(family.name + ": unexpected histogram sample " + sample.name);
	}
	for (const auto& entry: series)
	{
		const Series& s = entry.second;
		if (s.buckets.empty() || s.buckets.back().first != HUGE_VAL) throw std::runtime_error(family.name + ": no +Inf bucket last");
		for (std::size_t i = 1; i < s.buckets.size(); ++i)
		{
			if (!(s.buckets[i - 1].first < s.buckets[i].first)) throw std::runtime_error(family.name + ": le not ascending");
			if (s.buckets[i - 1].second > s.buckets[i].second) throw std::runtime_error(family.name + ": buckets not cumulative");
		}
		if (!s.hasSum) throw std::runtime_error(family.name + ": no _sum");
		if (s.count != s.buckets.back().second) throw std::runtime_error(family.name + ": _count differs from +Inf bucket");
	}
}

} // namespace


PrometheusTextParser::Families PrometheusTextParser::parse(const std::string& text)
{
	if (!text.empty() && text.back() != '\n') throw std::runtime_error("text does not end with a newline");

	Families families;
	std::set<std::string> helped;
	std::set<std::string> closed;
	std::set<std::pair<std::string, Labels>> series;
	std::string current;
	std::istringstream lines(text);
	int number = 0;
	for (std::string line; std::getline(lines, line);)
	{
		LineReader reader(line, ++number);
		if (line.empty()) continue;
		if (line[0] == '#')
		{
			if (line.compare(0, 7, "# HELP ") != 0 && line.compare(0, 7, "# TYPE ") != 0) continue;
			const bool help = line[2] == 'H';
			reader.expect('#');
			reader.expect(' ');
			reader.word();
			reader.expect(' ');
			const std::string name = reader.name(true);
			reader.expect(' ');
			Family& family = families[name];
			family.name = name;
			if (closed.count(name) || (current == name && !family.samples.empty()))
				reader.fail("HELP or TYPE after samples of " + name);
			if (help)
			{
				if (!helped.insert(name).second) reader.fail("second HELP for " + name);
				family.help = reader.escaped(false);
			}
			else
			{
				if (family.type != "untyped" || !family.samples.empty()) reader.fail("second TYPE for " + name);
				family.type = reader.rest();
				if (!TYPES.count(family.type)) reader.fail("unknown type " + family.type);
			}
			continue;
		}

		Sample sample = parseSample(reader);
		const std::string name = familyOf(families, sample.name);
		if (name != current)
		{
			if (closed.count(name)) reader.fail("samples of " + name + " are not contiguous");
			if (!current.empty()) closed.insert(current);
			current = name;
		}
		Labels sorted(sample.labels);
		std::sort(sorted.begin(), sorted.end());
		if (!series.insert({sample.name, sorted}).second) reader.fail("duplicate series");
		Family& family = families[name];
		family.name = name;
		if (family.type == "counter" && sample.value < 0) reader.fail("negative counter");
		family.samples.push_back(std::move(sample));
	}

	for (const auto& entry: families)
	{
		if (entry.second.type == "histogram") checkHistogram(entry.second);
	}
	return families;
}


double PrometheusTextParser::value(const Families& families, const std::string& sampleName, const Labels& labels)
{
	Labels wanted(labels);
	std::sort(wanted.begin(), wanted.end());
	for (const auto& entry: families)
	{
		for (const auto& sample: entry.second.samples)
		{
			Labels have(sample.labels);
			std::sort(have.begin(), have.end());
			if (sample.name == sampleName && have == wanted) return sample.value;
		}
	}
	throw std::runtime_error("no sample " + sampleName);
}


} } // namespace sbomop::http
