//
// ValueParser.h
//
// The strict syntax of configuration values: booleans, integers and
// comma-separated lists. Shared by validation and typed access so that both
// read a value the same way.
//

#ifndef SBOMOP_Config_ValueParser_INCLUDED
#define SBOMOP_Config_ValueParser_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Types.h>
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API ValueParser
	/// Stateless parsing helpers; all functions are thread-safe and never throw.
{
public:
	static bool parseBool(const std::string& text, bool& value);
		/// Accepts true/false, 1/0 and yes/no in any letter case; nothing else
		/// (no surrounding blanks). Returns false and leaves `value` alone when
		/// `text` is not a boolean.

	enum IntegerResult
	{
		INTEGER_OK,
		INTEGER_SYNTAX,    /// not a decimal integer
		INTEGER_OVERFLOW   /// a decimal integer beyond the 64-bit range
	};

	static IntegerResult parseInteger(const std::string& text, Poco::Int64& value);
		/// Accepts an optional '-' followed by decimal digits only: no '+', no
		/// blanks, no hex, no exponent. Sets `value` only on INTEGER_OK.

	static std::vector<std::string> splitList(const std::string& text);
		/// Splits at commas, trims every item and drops empty items:
		/// " a, ,b ," gives {"a", "b"}.

	static std::string joinList(const std::vector<std::string>& items);
		/// Joins with "," (the inverse of splitList() for trimmed, non-empty
		/// items without commas).
};

} } // namespace sbomop::config

#endif // SBOMOP_Config_ValueParser_INCLUDED
