//
// ConfigTestSupport.h
//
// Helpers shared by the Config suite: a config file in the temp directory that
// removes itself, and capture of the ConfigException an action throws.
//

#ifndef SBOMOP_Tests_ConfigTestSupport_INCLUDED
#define SBOMOP_Tests_ConfigTestSupport_INCLUDED

#include "sbomop/config/ConfigException.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <string>

namespace sbomop {
namespace config {
namespace test {

class TempConfigFile
	/// Writes `content` to a new file with the given extension (no dot) in
	/// the temp directory; removes it on destruction.
{
public:
	TempConfigFile(const std::string& extension, const std::string& content):
		_path(Poco::TemporaryFile::tempName() + "." + extension)
	{
		Poco::FileOutputStream out(_path);
		out << content;
	}

	~TempConfigFile()
	{
		try
		{
			Poco::File(_path).remove(true);
		}
		catch (...)
		{
		}
	}

	TempConfigFile(const TempConfigFile&) = delete;
	TempConfigFile& operator = (const TempConfigFile&) = delete;

	const std::string& path() const
	{
		return _path;
	}

private:
	std::string _path;
};


inline ConfigException configErrorOf(const std::function<void()>& action)
	/// Runs `action` and returns the ConfigException it throws; fails the test
	/// when it throws nothing.
{
	try
	{
		action();
	}
	catch (ConfigException& exc)
	{
		return exc;
	}
	CPPUNIT_FAIL("expected a ConfigException");
	return ConfigException(std::string());
}


inline std::string configMessageOf(const std::function<void()>& action)
	/// The message of the ConfigException `action` throws.
{
	return configErrorOf(action).message();
}


} } } // namespace sbomop::config::test

#endif // SBOMOP_Tests_ConfigTestSupport_INCLUDED
