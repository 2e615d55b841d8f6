//
// TestLog.h
//
// Console logging for a test run, switched on from the environment.
//

#ifndef SBOMOP_TestCommon_TestLog_INCLUDED
#define SBOMOP_TestCommon_TestLog_INCLUDED

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Environment.h>
#include <Poco/Logger.h>

namespace sbomop {
namespace testcommon {

void enableTestLogFromEnvironment();
	/// When SBOMOP_TEST_LOG is set (debug, information, ...), sends the root
	/// logger to the console at that level, so that a failing test can be
	/// debugged with the code's own log. Configures once per process;
	/// further calls do nothing. Thread-safe. Throws Poco::InvalidArgumentException
	/// for an unknown level name.

//
// Inline implementation: header-only, so that sources compiled into other
// targets (benchmarks, other suites) need no extra library.
//
inline void enableTestLogFromEnvironment()
{
	// A function-local static: configured once, even with fixtures built concurrently.
	static const bool enabled = []()
	{
		if (!Poco::Environment::has("SBOMOP_TEST_LOG")) return false;
		Poco::AutoPtr<Poco::ConsoleChannel> channel(new Poco::ConsoleChannel);
		Poco::Logger::root().setChannel(channel);
		Poco::Logger::setLevel("", Poco::Logger::parseLevel(Poco::Environment::get("SBOMOP_TEST_LOG")));
		return true;
	}();
	(void) enabled;
}

} } // namespace sbomop::testcommon

#endif // SBOMOP_TestCommon_TestLog_INCLUDED
