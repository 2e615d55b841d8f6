//
// RequestTarget.h
//
// The request target of one HTTP request split the way JAX-RS sees it: path
// segments decoded one by one (so "%2F" inside a tag stays part of the tag)
// and query parameters, with Jersey's conversions for boolean and integer
// parameters.
//

#ifndef SBOMOP_DtrackSim_RequestTarget_INCLUDED
#define SBOMOP_DtrackSim_RequestTarget_INCLUDED

#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace dtracksim {

class RequestTarget
	/// Immutable after construction.
{
public:
	explicit RequestTarget(const std::string& rawUri);
		/// Parses "/path?query". Throws Poco::SyntaxException for a malformed
		/// percent-encoding.

	const std::vector<std::string>& segments() const;
		/// The decoded, non-empty path segments: "/api/v1/project/x" gives
		/// {"api", "v1", "project", "x"}.

	const std::string& path() const;
		/// The raw path (without the query).

	bool has(const std::string& name) const;

	std::string param(const std::string& name, const std::string& fallback = "") const;
		/// The first value of a query parameter.

	bool flag(const std::string& name) const;
		/// A boolean parameter as Jersey converts it: true only for "true"
		/// (any case); absent or anything else is false.

	int number(const std::string& name, int fallback) const;
		/// An integer parameter; `fallback` when absent or not a number.

private:
	std::string _path;
	std::vector<std::string> _segments;
	std::vector<std::pair<std::string, std::string>> _query;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_RequestTarget_INCLUDED
