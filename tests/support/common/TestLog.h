//
// TestLog.h
//
// Console logging for a test run, switched on from the environment.
//

#ifndef SBOMOP_TestCommon_TestLog_INCLUDED
#define SBOMOP_TestCommon_TestLog_INCLUDED

namespace sbomop {
namespace testcommon {

void enableTestLogFromEnvironment();
	/// When SBOMOP_TEST_LOG is set (debug, information, ...), sends the root
	/// logger to the console at that level, so that a failing test can be
	/// debugged with the code's own log. Configures once per process;
	/// further calls do nothing. Thread-safe. Throws Poco::InvalidArgumentException
	/// for an unknown level name.

} } // namespace sbomop::testcommon

#endif // SBOMOP_TestCommon_TestLog_INCLUDED
