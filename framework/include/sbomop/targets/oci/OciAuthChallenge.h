//
// OciAuthChallenge.h
//
// A `WWW-Authenticate` challenge of a container registry (RFC 7235), e.g.
// `Bearer realm="https://auth.example/token",service="registry",scope="repository:x:pull"`.
//

#ifndef SBOMOP_Targets_OciAuthChallenge_INCLUDED
#define SBOMOP_Targets_OciAuthChallenge_INCLUDED

#include "sbomop/Sbomop.h"
#include <map>
#include <string>

namespace sbomop {
namespace targets {

class SBOMOP_API OciAuthChallenge
	/// The first challenge of a `WWW-Authenticate` header value: its scheme
	/// (lowercased) and its `name=value` parameters (names lowercased; values
	/// as tokens or quoted strings with `\` escapes removed). Challenges after
	/// the first one in the same header are ignored.
	///
	/// Immutable value; safe to share between threads.
{
public:
	OciAuthChallenge();
		/// An empty challenge (scheme "").

	static OciAuthChallenge parse(const std::string& header);
		/// Parses a header value. Throws Poco::SyntaxException when it holds no
		/// scheme, or a quoted string is not terminated.

	const std::string& scheme() const;
		/// "basic", "bearer", ... in lowercase.

	bool isBasic() const;
	bool isBearer() const;

	std::string parameter(const std::string& name) const;
		/// The value of a parameter (name compared case-insensitively); empty
		/// when absent.

	const std::map<std::string, std::string>& parameters() const;
		/// All parameters by lowercased name.

private:
	std::string _scheme;
	std::map<std::string, std::string> _parameters;
};

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_OciAuthChallenge_INCLUDED
