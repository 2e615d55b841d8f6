//
// BadInputTable.h
//
// Helpers for the table-driven bad-input tests: each row is one malformed
// input and the exact message it must be rejected with.
//

#ifndef SBOMOP_Tests_BadInputTable_INCLUDED
#define SBOMOP_Tests_BadInputTable_INCLUDED

#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <exception>
#include <string>
#include <typeinfo>

namespace sbomop {
namespace testing {

struct BadInputRow
	/// One malformed input: what it is, the input, the exact message.
{
	const char* what;
	std::string input;
	std::string expected;
};


template <class E, class F>
std::string rejectionOf(F&& action)
	/// Runs `action` and returns the message() of the E it throws. Any other
	/// outcome is returned as a text that cannot equal a real message:
	/// "<accepted>", or "<wrong exception NAME: TEXT>" for another type.
{
	try
	{
		action();
	}
	catch (E& exc)
	{
		return exc.message();
	}
	catch (Poco::Exception& exc)
	{
		return "<wrong exception " + std::string(exc.className()) + ": " + exc.displayText() + ">";
	}
	catch (std::exception& exc)
	{
		return "<wrong exception " + std::string(typeid(exc).name()) + ": " + exc.what() + ">";
	}
	return "<accepted>";
}


template <class E, class Rows, class F>
void checkRows(const Rows& rows, F&& attempt)
	/// For every row, asserts that attempt(row.input) throws E with exactly
	/// row.expected as message(); the row's `what` names it on failure.
{
	for (const BadInputRow& row: rows)
	{
		CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, row.expected, rejectionOf<E>([&] { attempt(row.input); }));
	}
}

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_BadInputTable_INCLUDED
