//
// SubprocessTest.cpp
//

#include "SyftTestSupport.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/syft/Subprocess.h"
#include "sbomop/syft/SyftException.h"
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>
#include <csignal>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace sbomop::testing;
using sbomop::StopToken;
using sbomop::syft::Subprocess;
using sbomop::syft::SyftException;

namespace
{
	const Poco::Timespan LONG(60, 0);
	const Poco::Timespan GRACE(0, 200000);

	std::map<std::string, std::string> minimalEnv()
	{
		return { { "PATH", "/usr/bin:/bin" } };
	}

	Subprocess shell(const std::string& script, const std::string& dir = "", std::size_t limit = 4096,
		const std::map<std::string, std::string>& env = minimalEnv())
	{
		return Subprocess("/bin/sh", { "-c", script }, env, dir, limit);
	}
}


class SubprocessTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SubprocessTest);
	CPPUNIT_TEST(testReportsExitCodeAndStderr);
	CPPUNIT_TEST(testKeepsOnlyTheEndOfLongStderr);
	CPPUNIT_TEST(testRunsWithExactlyTheGivenEnvironmentAndDirectory);
	CPPUNIT_TEST(testInheritsNoOtherDescriptors);
	CPPUNIT_TEST(testStartsInItsOwnProcessGroupWithDefaultSignals);
	CPPUNIT_TEST(testTimeoutKillsTheWholeGroup);
	CPPUNIT_TEST(testIgnoredSigtermEscalatesToSigkill);
	CPPUNIT_TEST(testCancelStopsTheProcess);
	CPPUNIT_TEST(testMissingExecutableIsASyftException);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReportsExitCodeAndStderr()
	{
		StopToken cancel;
		Subprocess process = shell("echo out; echo 'first line' >&2; echo 'second line' >&2; exit 3");
		CPPUNIT_ASSERT_EQUAL(Subprocess::EXITED, process.wait(LONG, cancel, GRACE));
		CPPUNIT_ASSERT_EQUAL(3, process.exitCode());
		CPPUNIT_ASSERT_EQUAL(0, process.termSignal());
		CPPUNIT_ASSERT_EQUAL(std::string("first line\nsecond line\n"), process.stderrTail());
		CPPUNIT_ASSERT(!process.stderrTruncated());
	}

	void testKeepsOnlyTheEndOfLongStderr()
	{
		StopToken cancel;
		Subprocess process = shell("i=0; while [ $i -lt 3000 ]; do echo \"line $i\" >&2; i=$((i+1)); done; echo END >&2", "", 100);
		CPPUNIT_ASSERT_EQUAL(Subprocess::EXITED, process.wait(LONG, cancel, GRACE));
		CPPUNIT_ASSERT_EQUAL(std::size_t(100), process.stderrTail().size());
		CPPUNIT_ASSERT(process.stderrTruncated());
		CPPUNIT_ASSERT(Poco::endsWith(process.stderrTail(), std::string("line 2999\nEND\n")));
	}

	void testRunsWithExactlyTheGivenEnvironmentAndDirectory()
	{
		TempDir dir;
		StopToken cancel;
		Subprocess process = shell("env > env.txt; pwd > pwd.txt", dir.path(), 4096, { { "PATH", "/usr/bin:/bin" }, { "ONLY", "this" } });
		CPPUNIT_ASSERT_EQUAL(Subprocess::EXITED, process.wait(LONG, cancel, GRACE));
		const std::string env = readFile(dir.file("env.txt"));
		CPPUNIT_ASSERT(env.find("ONLY=this\n") != std::string::npos);
		CPPUNIT_ASSERT(env.find("HOME=") == std::string::npos);
		CPPUNIT_ASSERT_EQUAL(dir.path() + "\n", readFile(dir.file("pwd.txt")));
	}

	void testInheritsNoOtherDescriptors()
	{
		TempDir dir;
		// Deliberately without O_CLOEXEC, as code elsewhere in the host may open files.
		const int leaked = ::open("/dev/null", O_RDONLY);
		StopToken cancel;
		Subprocess process = shell("ls /proc/self/fd > fds.txt", dir.path());
		CPPUNIT_ASSERT_EQUAL(Subprocess::EXITED, process.wait(LONG, cancel, GRACE));
		::close(leaked);
		// ls sees 0, 1, 2 and the descriptor it reads the directory with.
		CPPUNIT_ASSERT_EQUAL(std::string("0\n1\n2\n3\n"), readFile(dir.file("fds.txt")));
	}

	void testStartsInItsOwnProcessGroupWithDefaultSignals()
	{
		TempDir dir;
		sigset_t blocked, previous;
		sigemptyset(&blocked);
		sigaddset(&blocked, SIGTERM);
		::pthread_sigmask(SIG_BLOCK, &blocked, &previous);
		void (*oldHandler)(int) = std::signal(SIGTERM, SIG_IGN);
		StopToken cancel;
		Subprocess process = shell("cut -d' ' -f5 /proc/$$/stat > pgid.txt; grep -E '^(SigBlk|SigIgn)' /proc/self/status > sig.txt", dir.path());
		std::signal(SIGTERM, oldHandler);
		::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
		CPPUNIT_ASSERT_EQUAL(Subprocess::EXITED, process.wait(LONG, cancel, GRACE));
		CPPUNIT_ASSERT_EQUAL(process.pid(), Poco::NumberParser::parse(Poco::trim(readFile(dir.file("pgid.txt")))));
		// Standard signals 1..31 (glibc reserves some real-time ones for itself).
		const std::string status = readFile(dir.file("sig.txt"));
		CPPUNIT_ASSERT_EQUAL(std::string("SigBlk:\t"), status.substr(0, 8));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), Poco::UInt64(Poco::NumberParser::parseHex64(status.substr(8, 16)) & 0x7FFFFFFFULL));
		CPPUNIT_ASSERT_EQUAL(std::string("SigIgn:\t"), status.substr(25, 8));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), Poco::UInt64(Poco::NumberParser::parseHex64(status.substr(33, 16)) & 0x7FFFFFFFULL));
	}

	void testTimeoutKillsTheWholeGroup()
	{
		TempDir dir;
		StopToken cancel;
		Subprocess process = shell("sleep 60 & echo $! > child.txt; echo started >&2; wait", dir.path());
		const Subprocess::Outcome outcome = process.wait(Poco::Timespan(0, 500000), cancel, GRACE);
		CPPUNIT_ASSERT_EQUAL(Subprocess::TIMED_OUT, outcome);
		CPPUNIT_ASSERT_EQUAL(SIGTERM, process.termSignal());
		CPPUNIT_ASSERT_EQUAL(128 + SIGTERM, process.exitCode());
		CPPUNIT_ASSERT_EQUAL(std::string("started\n"), process.stderrTail());
		const int child = Poco::NumberParser::parse(Poco::trim(readFile(dir.file("child.txt"))));
		CPPUNIT_ASSERT(waitUntilGone(child, 5000));
	}

	void testIgnoredSigtermEscalatesToSigkill()
	{
		TempDir dir;
		StopToken cancel;
		Subprocess process = shell("trap '' TERM; sleep 60 & echo $! > child.txt; wait; sleep 60", dir.path());
		CPPUNIT_ASSERT_EQUAL(Subprocess::TIMED_OUT, process.wait(Poco::Timespan(0, 300000), cancel, GRACE));
		CPPUNIT_ASSERT_EQUAL(SIGKILL, process.termSignal());
		const int child = Poco::NumberParser::parse(Poco::trim(readFile(dir.file("child.txt"))));
		CPPUNIT_ASSERT(waitUntilGone(child, 5000));
	}

	void testCancelStopsTheProcess()
	{
		TempDir dir;
		StopToken cancel;
		Subprocess process = shell("touch started; sleep 60", dir.path());
		std::thread canceller([&] {
			while (listDirectory(dir.path()).empty()) ::usleep(10000);
			cancel.requestStop();
		});
		const Subprocess::Outcome outcome = process.wait(LONG, cancel, GRACE);
		canceller.join();
		CPPUNIT_ASSERT_EQUAL(Subprocess::CANCELLED, outcome);
		CPPUNIT_ASSERT(process.termSignal() == SIGTERM || process.termSignal() == SIGKILL);
	}

	void testMissingExecutableIsASyftException()
	{
		CPPUNIT_ASSERT_THROW(Subprocess("/nonexistent/syft", {}, minimalEnv(), "", 100), SyftException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SubprocessTest, "Syft");
