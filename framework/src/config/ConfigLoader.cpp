//
// ConfigLoader.cpp
//

#include "sbomop/config/ConfigLoader.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ConfigValidator.h"
#include "sbomop/config/ValueParser.h"
#include <functional>
#include <unistd.h>

extern char** environ;

namespace sbomop {
namespace config {

namespace
{
	const std::string ENV_PREFIX("SBOM_");
}


ConfigLoader::ConfigLoader(const ConfigSchema& schema):
	_schema(schema)
{
}


ConfigLoader& ConfigLoader::load(const CommandLine& commandLine, const std::map<std::string, std::string>& environment)
{
	_commandLine = commandLine;
	_environment.clear();
	for (const auto& variable: environment)
	{
		if (variable.first.compare(0, ENV_PREFIX.size(), ENV_PREFIX) == 0) _environment.insert(variable);
	}
	_configFile = commandLine.configFile();
	_fileEntries.clear();
	if (!_configFile.empty()) _fileEntries = ConfigFileReader::read(_configFile);
	return *this;
}


const ConfigFileReader::Entry* ConfigLoader::fileEntry(const std::string& key) const
{
	for (const ConfigFileReader::Entry& entry: _fileEntries)
	{
		if (entry.key == key) return &entry;
	}
	return nullptr;
}


ConfigLoader::Candidate ConfigLoader::winner(const KeyDefinition* key, const std::string& name) const
{
	Candidate candidate;
	if (_commandLine.has(name))
	{
		candidate.provenance.layer = Provenance::COMMAND_LINE;
		candidate.provenance.source = "--" + name;
		// Only a bare option has no value; CommandLine allows that for booleans.
		for (const CommandLine::Option& option: _commandLine.options())
		{
			if (option.key == name) candidate.values.push_back(option.hasValue ? option.value : "true");
		}
		// A list accumulates its occurrences; any other key takes the last one.
		if (!(key && key->isList())) candidate.values.erase(candidate.values.begin(), candidate.values.end() - 1);
		candidate.found = true;
		return candidate;
	}

	const std::string envName = key ? key->envName() : KeyDefinition::envNameOf(name);
	auto env = _environment.find(envName);
	if (env != _environment.end() && !env->second.empty())
	{
		candidate.provenance.layer = Provenance::ENVIRONMENT;
		candidate.provenance.source = envName;
		candidate.values.push_back(env->second);
		candidate.found = true;
		return candidate;
	}

	if (const ConfigFileReader::Entry* entry = fileEntry(name))
	{
		candidate.provenance.layer = Provenance::FILE;
		candidate.provenance.source = fileSource();
		candidate.values = entry->values;
		candidate.found = true;
	}
	return candidate;
}


std::string ConfigLoader::peek(const std::string& key) const
{
	const KeyDefinition* definition = _schema.find(key);
	const Candidate candidate = winner(definition, key);
	if (candidate.found) return ValueParser::joinList(candidate.values);
	if (!definition) return std::string();
	return definition->defaultFor([this](const std::string& other) { return peek(other); });
}


void ConfigLoader::checkExplicitKeys() const
{
	for (const CommandLine::Option& option: _commandLine.options())
	{
		const std::string source = "--" + option.key;
		const KeyDefinition* key = _schema.find(option.key);
		if (!key) throw ConfigException::unknownKey(option.key, source, _schema.suggest(option.key));
		if (key->isEnvOnly()) throw ConfigException::wrongSource(key->name(), source, key->envName());
		if (!option.hasValue && key->type() != KeyDefinition::BOOL)
		{
			throw ConfigException("missing value for key '" + key->name() + "' (from " + source + "): write "
				+ source + "=VALUE or " + source + " VALUE", key->name(), std::string(), key->allowed(), source);
		}
	}
	for (const ConfigFileReader::Entry& entry: _fileEntries)
	{
		const std::string source = fileSource();
		const KeyDefinition* key = _schema.find(entry.key);
		if (!key) throw ConfigException::unknownKey(entry.key, source, _schema.suggest(entry.key));
		if (key->isEnvOnly()) throw ConfigException::wrongSource(key->name(), source, key->envName());
		if (entry.multiple && !key->isList())
		{
			throw ConfigException::invalidValue(key->name(), ValueParser::joinList(entry.values), key->isSecret(),
				source, "a list is not allowed for this key", key->allowed());
		}
	}
}


ResolvedConfig ConfigLoader::resolve() const
{
	checkExplicitKeys();

	ResolvedConfig result;
	std::vector<const KeyDefinition*> derived;
	for (const KeyDefinition& key: _schema.keys())
	{
		const Candidate candidate = winner(&key, key.name());
		if (candidate.found)
		{
			const std::string raw = key.isList() ? ValueParser::joinList(candidate.values) : candidate.values.back();
			result.set(key.name(), ConfigValidator::checkValue(key, raw, candidate.provenance.source), candidate.provenance);
		}
		else if (key.hasDerivedDefault())
		{
			derived.push_back(&key);
		}
		else
		{
			result.set(key.name(), key.defaultValue(), Provenance());
		}
	}

	// Derived defaults see the effective values of all other keys.
	std::function<std::string(const std::string&)> lookup = [&](const std::string& name) -> std::string
	{
		if (result.has(name)) return result.value(name);
		const KeyDefinition* other = _schema.find(name);
		return other ? other->defaultFor(lookup) : std::string();
	};
	for (const KeyDefinition* key: derived)
	{
		result.set(key->name(), key->defaultFor(lookup), Provenance());
	}
	return result;
}


std::string ConfigLoader::fileSource() const
{
	return "file " + _configFile;
}


const std::string& ConfigLoader::configFile() const
{
	return _configFile;
}


std::map<std::string, std::string> ConfigLoader::processEnvironment()
{
	std::map<std::string, std::string> result;
	for (char** entry = environ; entry && *entry; ++entry)
	{
		const std::string text(*entry);
		const std::string::size_type eq = text.find('=');
		if (eq != std::string::npos) result[text.substr(0, eq)] = text.substr(eq + 1);
	}
	return result;
}


} } // namespace sbomop::config
