//
// CommandLine.cpp
//

#include "sbomop/config/CommandLine.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"

namespace sbomop {
namespace config {

namespace
{
	const std::string CONFIG_OPTION("--config");

	bool startsWith(const std::string& text, const std::string& prefix)
	{
		return text.compare(0, prefix.size(), prefix) == 0;
	}

	ConfigException optionError(const std::string& message, const std::string& option)
	{
		return ConfigException(message, std::string(), std::string(), std::string(), option);
	}
}


CommandLine::CommandLine():
	_help(false),
	_version(false)
{
}


CommandLine CommandLine::parse(const std::vector<std::string>& args)
{
	return parse(args, BuiltinKeys::schema());
}


CommandLine CommandLine::parse(const std::vector<std::string>& args, const ConfigSchema& schema)
{
	CommandLine result;
	// The key of the previous option, to mask or explain a stray argument
	// that follows it (`--git-password = x`, `--once true`).
	const KeyDefinition* previous = nullptr;
	bool previousBare = false;

	for (std::size_t i = 0; i < args.size(); ++i)
	{
		const std::string& arg = args[i];
		const KeyDefinition* current = nullptr;
		bool currentBare = false;

		if (arg == "-h" || arg == "--help")
		{
			result._help = true;
		}
		else if (arg == "--version")
		{
			result._version = true;
		}
		else if (startsWith(arg, "--help=") || startsWith(arg, "--version="))
		{
			const std::string option = arg.substr(0, arg.find('='));
			throw optionError("option '" + option + "' does not take a value", option);
		}
		else if (arg == CONFIG_OPTION || startsWith(arg, CONFIG_OPTION + "="))
		{
			std::string file;
			if (arg == CONFIG_OPTION)
			{
				if (i + 1 >= args.size() || startsWith(args[i + 1], "--"))
					throw optionError("missing value for option '--config': expected a file name", CONFIG_OPTION);
				file = args[++i];
			}
			else
			{
				file = arg.substr(CONFIG_OPTION.size() + 1);
			}
			if (file.empty()) throw optionError("missing value for option '--config': expected a file name", CONFIG_OPTION);
			if (!result._configFile.empty()) throw optionError("option '--config' given more than once", CONFIG_OPTION);
			result._configFile = file;
		}
		else if (startsWith(arg, "--") && arg.size() > 2 && arg[2] != '=')
		{
			const std::string::size_type eq = arg.find('=');
			Option option;
			option.key = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
			option.hasValue = eq != std::string::npos;
			if (option.hasValue) option.value = arg.substr(eq + 1);

			current = schema.find(option.key);
			const bool isBool = current && current->type() == KeyDefinition::BOOL;
			if (!option.hasValue && !isBool && i + 1 < args.size() && !startsWith(args[i + 1], "--"))
			{
				option.value = args[++i];
				option.hasValue = true;
			}
			currentBare = !option.hasValue;
			result._options.push_back(option);
		}
		else if (startsWith(arg, "-") && arg.size() > 1 && arg[1] != '-')
		{
			// Only the name: whatever follows '=' might be a secret.
			const std::string option = arg.substr(0, arg.find('='));
			throw optionError("unknown option '" + option + "': options are written --key or --key=value", option);
		}
		else
		{
			std::string message = "unexpected argument '" + (previous && previous->isSecret() ? ConfigException::MASK : arg)
				+ "': positional arguments are not accepted";
			if (previous && previousBare && previous->type() == KeyDefinition::BOOL)
				message += " (write " + previous->optionName() + "=<true|false> to set a boolean)";
			throw optionError(message, std::string());
		}
		previous = current;
		previousBare = currentBare;
	}
	return result;
}


bool CommandLine::has(const std::string& key) const
{
	for (const Option& option: _options)
	{
		if (option.key == key) return true;
	}
	return false;
}


std::vector<std::string> CommandLine::values(const std::string& key) const
{
	std::vector<std::string> result;
	for (const Option& option: _options)
	{
		if (option.key == key) result.push_back(option.value);
	}
	return result;
}


} } // namespace sbomop::config
