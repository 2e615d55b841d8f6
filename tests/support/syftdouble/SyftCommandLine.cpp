//
// SyftCommandLine.cpp
//
// Part of the Syft test double.
//

#include "SyftCommandLine.h"
#include <Poco/Exception.h>
#include <map>

namespace sbomop {
namespace syftdouble {

namespace {

// Flags with a value, long and short names.
const std::map<std::string, std::string>& valueFlags()
{
	static const std::map<std::string, std::string> flags = {
		{ "--output", "output" }, { "-o", "output" }, { "--config", "config" }, { "-c", "config" },
		{ "--platform", "platform" }, { "--scope", "scope" }, { "-s", "scope" }, { "--source-name", "source-name" },
		{ "--source-version", "source-version" }, { "--file", "file" }
	};
	return flags;
}

OutputOption outputOption(const std::string& value)
{
	OutputOption option;
	const std::string::size_type eq = value.find('=');
	option.format = value.substr(0, eq);
	if (eq != std::string::npos) option.file = value.substr(eq + 1);
	return option;
}

} // namespace


SyftCommandLine SyftCommandLine::parse(const std::vector<std::string>& args)
{
	SyftCommandLine line;
	std::vector<std::string> positional;
	for (std::size_t i = 0; i < args.size(); ++i)
	{
		const std::string& arg = args[i];
		if (arg == "-q" || arg == "--quiet")
		{
			line.quiet = true;
			continue;
		}
		if (arg == "-v" || arg == "-vv" || arg == "-vvv" || arg == "--verbose") continue;
		if (arg.empty() || arg[0] != '-' || arg == "-")
		{
			positional.push_back(arg);
			continue;
		}
		std::string name = arg, value;
		bool hasValue = false;
		const std::string::size_type eq = arg.find('=');
		if (arg.compare(0, 2, "--") == 0 && eq != std::string::npos)
		{
			name = arg.substr(0, eq);
			value = arg.substr(eq + 1);
			hasValue = true;
		}
		else if (arg.size() > 2 && arg[1] != '-')
		{
			name = arg.substr(0, 2);
			value = arg.substr(arg[2] == '=' ? 3 : 2);
			hasValue = true;
		}
		const auto flag = valueFlags().find(name);
		if (flag == valueFlags().end()) throw Poco::InvalidArgumentException("unknown flag: " + name);
		if (!hasValue)
		{
			if (i + 1 >= args.size()) throw Poco::InvalidArgumentException("flag needs an argument: " + name);
			value = args[++i];
		}
		if (flag->second == "output") line.outputs.push_back(outputOption(value));
		else if (flag->second == "file") line.outputs.push_back({ "syft-json", value });
		else if (flag->second == "config") line.config = value;
		else if (flag->second == "platform") line.platform = value;
	}
	if (!positional.empty() && (positional[0] == "scan" || positional[0] == "packages" || positional[0] == "version"))
	{
		line.command = positional[0];
		positional.erase(positional.begin());
	}
	else
	{
		line.command = "scan";  // `syft <source>` is the root command's scan
	}
	if (line.command == "version") return line;
	if (positional.size() != 1) throw Poco::InvalidArgumentException("an image/directory argument is required");
	line.source = positional[0];
	if (line.outputs.empty()) line.outputs.push_back({ "syft-table", "" });
	return line;
}


} } // namespace sbomop::syftdouble
