//
// Driver.cpp
//
// Shared main() of every CppUnit test runner. Runs the suites registered under
// the registry name given at compile time (SBOMOP_TEST_REGISTRY), or only the
// tests named on the command line, and ends with the plain line
// "N passed, N failed" that CI reads.
//

#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>
#include <iostream>

int main(int argc, char** argv)
{
	CppUnit::Test* suite = CppUnit::TestFactoryRegistry::getRegistry(SBOMOP_TEST_REGISTRY).makeTest();
	CppUnit::TestResult controller;
	CppUnit::TestResultCollector result;
	controller.addListener(&result);
	CppUnit::BriefTestProgressListener progress;
	controller.addListener(&progress);

	CppUnit::TestRunner runner;
	runner.addTest(suite);
	try
	{
		if (argc > 1)
		{
			for (int i = 1; i < argc; ++i) runner.run(controller, argv[i]);
		}
		else
		{
			runner.run(controller);
		}
	}
	catch (std::invalid_argument& e)
	{
		std::cerr << "unknown test: " << e.what() << std::endl;
		return 2;
	}

	CppUnit::CompilerOutputter outputter(&result, std::cerr);
	outputter.write();
	const int failed = result.testFailuresTotal();
	const int passed = result.runTests() - failed;
	std::cout << passed << " passed, " << failed << " failed" << std::endl;
	return failed == 0 ? 0 : 1;
}
