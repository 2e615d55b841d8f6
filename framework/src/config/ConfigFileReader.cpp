//
// ConfigFileReader.cpp
//

#include "sbomop/config/ConfigFileReader.h"
#include "sbomop/config/ConfigException.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <Poco/Util/XMLConfiguration.h>
#include <algorithm>
#include <typeinfo>

namespace sbomop {
namespace config {

namespace
{
	using Entries = std::vector<ConfigFileReader::Entry>;

	ConfigFileReader::Entry makeEntry(const std::string& key, const std::vector<std::string>& values, bool multiple)
	{
		ConfigFileReader::Entry entry;
		entry.key = key;
		entry.values = values;
		entry.multiple = multiple;
		return entry;
	}

	// Poco's XMLConfiguration names the second <x> element "x[1]", the third
	// "x[2]" and so on; the items of a repeated element are gathered under "x".
	void collect(const Poco::Util::AbstractConfiguration& config, const std::string& base, Entries& entries)
	{
		Poco::Util::AbstractConfiguration::Keys children;
		config.keys(base, children);
		if (children.empty())
		{
			if (!base.empty()) entries.push_back(makeEntry(base, {config.getRawString(base, std::string())}, false));
			return;
		}
		std::vector<std::string> names;
		for (const std::string& child: children)
		{
			const std::string name = child.substr(0, child.find('['));
			if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
		}
		for (const std::string& name: names)
		{
			const std::string key = base.empty() ? name : base + "." + name;
			if (!config.hasProperty(key + "[1]"))
			{
				collect(config, key, entries);
				continue;
			}
			std::vector<std::string> values;
			for (int i = 0; config.hasProperty(i == 0 ? key : key + "[" + std::to_string(i) + "]"); ++i)
			{
				values.push_back(config.getRawString(i == 0 ? key : key + "[" + std::to_string(i) + "]"));
			}
			entries.push_back(makeEntry(key, values, true));
		}
	}

	std::string scalarText(const Poco::Dynamic::Var& value)
	{
		return value.isEmpty() ? std::string() : value.convert<std::string>();
	}

	// JSON is parsed with Poco::JSON::Parser rather than read through
	// JSONConfiguration: the latter renders an array as its JSON text, so a list
	// could not be told from a string that looks like one.
	void collectJson(const Poco::JSON::Object& object, const std::string& base, const std::string& path, Entries& entries)
	{
		std::vector<std::string> names;
		object.getNames(names);
		for (const std::string& name: names)
		{
			const std::string key = base.empty() ? name : base + "." + name;
			const Poco::Dynamic::Var value = object.get(name);
			if (value.type() == typeid(Poco::JSON::Object::Ptr))
			{
				collectJson(*value.extract<Poco::JSON::Object::Ptr>(), key, path, entries);
			}
			else if (value.type() == typeid(Poco::JSON::Array::Ptr))
			{
				const Poco::JSON::Array& array = *value.extract<Poco::JSON::Array::Ptr>();
				std::vector<std::string> items;
				for (std::size_t i = 0; i < array.size(); ++i)
				{
					const Poco::Dynamic::Var item = array.get(static_cast<unsigned>(i));
					if (item.type() == typeid(Poco::JSON::Object::Ptr) || item.type() == typeid(Poco::JSON::Array::Ptr))
						throw ConfigException::fileError(path, "key '" + key + "': arrays may only hold strings, numbers and booleans");
					items.push_back(scalarText(item));
				}
				entries.push_back(makeEntry(key, items, true));
			}
			else
			{
				entries.push_back(makeEntry(key, {scalarText(value)}, false));
			}
		}
	}

	Entries readJson(const std::string& path)
	{
		Poco::FileInputStream stream(path);
		Poco::JSON::Parser parser;
		Poco::Dynamic::Var root;
		try
		{
			root = parser.parse(stream);
		}
		catch (Poco::Exception& exc)
		{
			throw ConfigException::fileError(path, "malformed JSON: " + exc.message());
		}
		if (root.type() != typeid(Poco::JSON::Object::Ptr))
			throw ConfigException::fileError(path, "malformed JSON: the top level must be an object");
		Entries entries;
		collectJson(*root.extract<Poco::JSON::Object::Ptr>(), std::string(), path, entries);
		return entries;
	}

	Entries readWith(Poco::AutoPtr<Poco::Util::AbstractConfiguration> config)
	{
		Entries entries;
		collect(*config, std::string(), entries);
		return entries;
	}

	Entries readByExtension(const std::string& path, const std::string& extension)
	{
		if (extension == "json") return readJson(path);
		if (extension == "properties") return readWith(new Poco::Util::PropertyFileConfiguration(path));
		if (extension == "ini") return readWith(new Poco::Util::IniFileConfiguration(path));
		try
		{
			return readWith(new Poco::Util::XMLConfiguration(path));
		}
		catch (Poco::FileException&)
		{
			throw;
		}
		catch (Poco::Exception& exc)
		{
			throw ConfigException::fileError(path, "malformed XML: " + exc.message());
		}
	}
}


std::vector<ConfigFileReader::Entry> ConfigFileReader::read(const std::string& path)
{
	const std::string extension = Poco::toLower(Poco::Path(path).getExtension());
	if (extension != "properties" && extension != "json" && extension != "xml" && extension != "ini")
	{
		throw ConfigException::fileError(path, "unsupported format" + (extension.empty() ? std::string() : " '." + extension + "'")
			+ " (use .properties, .json, .xml or .ini)");
	}

	const Poco::File file(path);
	if (!file.exists()) throw ConfigException::fileError(path, "file not found");
	if (file.isDirectory()) throw ConfigException::fileError(path, "is a directory");
	if (!file.canRead()) throw ConfigException::fileError(path, "permission denied");

	try
	{
		Entries entries = readByExtension(path, extension);
		std::sort(entries.begin(), entries.end(),
			[](const Entry& a, const Entry& b) { return a.key < b.key; });
		return entries;
	}
	catch (ConfigException&)
	{
		throw;
	}
	catch (Poco::Exception& exc)
	{
		throw ConfigException::fileError(path, exc.displayText());
	}
}


} } // namespace sbomop::config
