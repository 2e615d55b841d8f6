//
// HelpPrinter.cpp
//

#include "sbomop/config/HelpPrinter.h"
#include "sbomop/config/ConfigException.h"
#include <Poco/String.h>

namespace sbomop {
namespace config {

namespace
{
	std::string shownDefault(const KeyDefinition& key)
	{
		const std::string text = key.defaultDescription();
		return (key.isSecret() && !text.empty()) ? ConfigException::MASK : text;
	}

	std::string metaVariable(const KeyDefinition& key)
	{
		switch (key.type())
		{
		case KeyDefinition::BOOL: return "[=true|false]";
		case KeyDefinition::INTEGER: return "=NUMBER";
		case KeyDefinition::LIST:
		case KeyDefinition::ENUM_LIST: return "=LIST";
		case KeyDefinition::STRING:
		case KeyDefinition::ENUM: break;
		}
		return "=VALUE";
	}

	std::string markdownCell(const std::string& text)
	{
		return Poco::replace(text, std::string("|"), std::string("\\|"));
	}

	std::string code(const std::string& text)
	{
		return text.empty() ? std::string() : "`" + markdownCell(text) + "`";
	}

	template <class Function>
	void forEachKeyByGroup(const ConfigSchema& schema, Function function)
	{
		for (const std::string& group: schema.groups())
		{
			for (const KeyDefinition& key: schema.keys())
			{
				if (key.group() == group) function(group, key);
			}
		}
	}
}


void HelpPrinter::print(std::ostream& out, const ConfigSchema& schema)
{
	out << "Usage: sbom-operator [--config FILE] [--KEY=VALUE | --KEY VALUE | --FLAG]...\n"
		<< "\n"
		<< "Keeps an SBOM for every container image running in the Kubernetes cluster.\n"
		<< "\n"
		<< "  -h, --help          Print this help and exit.\n"
		<< "  --version           Print the version and exit.\n"
		<< "  --config FILE       Read keys from FILE (.properties, .json, .xml or .ini).\n"
		<< "\n"
		<< "Every key is also read from its environment variable and from the config file.\n"
		<< "Precedence: command line, then environment, then config file, then default.\n"
		<< "A list key may be repeated on the command line or given as a comma-separated list.\n";

	std::string currentGroup;
	forEachKeyByGroup(schema, [&](const std::string& group, const KeyDefinition& key)
	{
		if (group != currentGroup)
		{
			out << "\n" << schema.groupTitle(group) << ":\n";
			currentGroup = group;
		}
		const std::string defaultText = shownDefault(key);
		out << "  ";
		if (key.isEnvOnly()) out << key.envName() << "  (environment only";
		else out << key.optionName() << metaVariable(key) << "  (env " << key.envName();
		if (key.isSecret()) out << ", secret";
		out << ", default: " << (defaultText.empty() ? "none" : defaultText) << ")\n";
		out << "      " << key.help() << "\n";
		if (!key.allowed().empty()) out << "      Allowed: " << key.allowed() << "\n";
	});
}


void HelpPrinter::printMarkdown(std::ostream& out, const ConfigSchema& schema)
{
	out << "| Option | Environment variable | Group | Allowed values | Default | Description |\n"
		<< "|---|---|---|---|---|---|\n";
	forEachKeyByGroup(schema, [&](const std::string& group, const KeyDefinition& key)
	{
		const std::string allowed = key.allowed().empty() ? key.typeName() : key.allowed();
		std::string description = key.help();
		if (key.isSecret()) description += " Secret.";
		if (key.isEnvOnly()) description += " Environment variable only.";
		out << "| " << (key.isEnvOnly() ? std::string() : code(key.optionName()))
			<< " | " << code(key.envName())
			<< " | " << markdownCell(schema.groupTitle(group))
			<< " | " << markdownCell(allowed)
			<< " | " << (key.hasDerivedDefault() ? markdownCell(shownDefault(key)) : code(shownDefault(key)))
			<< " | " << markdownCell(description)
			<< " |\n";
	});
}


} } // namespace sbomop::config
