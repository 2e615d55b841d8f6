//
// TestLog.cpp
//

#include "common/TestLog.h"
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Environment.h>
#include <Poco/Logger.h>

namespace sbomop {
namespace testcommon {

void enableTestLogFromEnvironment()
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
