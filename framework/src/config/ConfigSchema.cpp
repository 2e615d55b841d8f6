//
// ConfigSchema.cpp
//

#include "sbomop/config/ConfigSchema.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ConfigValidator.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <algorithm>

namespace sbomop {
namespace config {

namespace
{
	// Names that CommandLine handles itself and that therefore cannot be keys.
	const char* const RESERVED_NAMES[] = {"help", "version", "config"};

	std::size_t editDistance(const std::string& a, const std::string& b)
	{
		std::vector<std::size_t> row(b.size() + 1);
		for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
		for (std::size_t i = 1; i <= a.size(); ++i)
		{
			std::size_t diagonal = row[0];
			row[0] = i;
			for (std::size_t j = 1; j <= b.size(); ++j)
			{
				const std::size_t above = row[j];
				row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
				diagonal = above;
			}
		}
		return row[b.size()];
	}
}


ConfigSchema::ConfigSchema()
{
}


bool ConfigSchema::isValidName(const std::string& name)
{
	if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
	char previous = 0;
	for (char c: name)
	{
		const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '-');
		if (!ok) return false;
		previous = c;
	}
	return previous != '-';
}


void ConfigSchema::add(const KeyDefinition& key)
{
	if (!isValidName(key.name()))
		throw Poco::InvalidArgumentException("configuration key name is not kebab-case", key.name());
	for (const char* reserved: RESERVED_NAMES)
	{
		if (key.name() == reserved) throw Poco::InvalidArgumentException("configuration key name is reserved", key.name());
	}
	if (has(key.name())) throw Poco::ExistsException("configuration key already defined", key.name());
	if (!key.hasDerivedDefault())
	{
		try
		{
			ConfigValidator::checkType(key, key.defaultValue(), "default");
		}
		catch (ConfigException& exc)
		{
			throw Poco::InvalidArgumentException("invalid default of configuration key", exc.message());
		}
	}

	_index[key.name()] = _keys.size();
	_keys.push_back(key);
	if (_titles.find(key.group()) == _titles.end()) addGroup(key.group(), key.group());
}


void ConfigSchema::addGroup(const std::string& group, const std::string& title)
{
	if (_titles.find(group) == _titles.end()) _groups.push_back(group);
	_titles[group] = title;
}


void ConfigSchema::addValidator(const std::string& name, const KeyDefinition::Validator& validator)
{
	auto it = _index.find(name);
	if (it == _index.end()) throw Poco::NotFoundException("configuration key", name);
	_keys[it->second].withValidator(validator);
}


const KeyDefinition* ConfigSchema::find(const std::string& name) const
{
	auto it = _index.find(name);
	return it == _index.end() ? nullptr : &_keys[it->second];
}


const KeyDefinition& ConfigSchema::get(const std::string& name) const
{
	const KeyDefinition* key = find(name);
	if (!key) throw Poco::NotFoundException("configuration key", name);
	return *key;
}


bool ConfigSchema::has(const std::string& name) const
{
	return _index.find(name) != _index.end();
}


const std::vector<KeyDefinition>& ConfigSchema::keys() const
{
	return _keys;
}


const std::vector<std::string>& ConfigSchema::groups() const
{
	return _groups;
}


std::string ConfigSchema::groupTitle(const std::string& group) const
{
	auto it = _titles.find(group);
	return it == _titles.end() ? group : it->second;
}


std::string ConfigSchema::suggest(const std::string& name) const
{
	std::string wanted = Poco::toLower(name);
	Poco::replaceInPlace(wanted, '_', '-');

	std::string best;
	std::size_t bestDistance = std::string::npos;
	for (const KeyDefinition& key: _keys)
	{
		// Up to a third of the longer name may differ (at least 2 edits): catches
		// typos, missing dashes and abbreviations without proposing unrelated keys.
		const std::size_t threshold = std::max<std::size_t>(2, std::max(wanted.size(), key.name().size()) / 3);
		// An abbreviation (a prefix of at least 3 characters) counts as one edit.
		const bool abbreviation = wanted.size() >= 3 && key.name().compare(0, wanted.size(), wanted) == 0;
		const std::size_t distance = abbreviation ? 1 : editDistance(wanted, key.name());
		if (distance <= threshold && distance < bestDistance)
		{
			bestDistance = distance;
			best = key.name();
		}
	}
	return best;
}


} } // namespace sbomop::config
