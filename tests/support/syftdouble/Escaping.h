//
// Escaping.h
//
// Part of the Syft test double (see main.cpp). String escaping for the
// document writers.
//

#ifndef SBOMOP_SyftDouble_Escaping_INCLUDED
#define SBOMOP_SyftDouble_Escaping_INCLUDED

#include <string>

namespace sbomop {
namespace syftdouble {

class Escaping
	/// Static helpers.
{
public:
	static std::string json(const std::string& text);
		/// `text` as a quoted JSON string.

	static std::string xml(const std::string& text);
		/// `text` with XML's five special characters escaped.

private:
	Escaping();
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_Escaping_INCLUDED
