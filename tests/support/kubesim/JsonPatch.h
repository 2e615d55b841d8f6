//
// JsonPatch.h
//
// RFC 6902 JSON Patch (`application/json-patch+json`): add, remove, replace,
// move, copy and test, with RFC 6901 pointers (`~0`, `~1` escapes).
//

#ifndef SBOMOP_KubeSim_JsonPatch_INCLUDED
#define SBOMOP_KubeSim_JsonPatch_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class JsonPatch
	/// Stateless, thread-safe.
{
public:
	static Poco::Dynamic::Var apply(const Poco::Dynamic::Var& document, const std::string& patch);
		/// Applies the patch document to a deep copy of `document` and returns
		/// the result. Throws StatusError 400 when the patch is not a JSON array
		/// of operations, StatusError 422 (the API server's generic "the server
		/// rejected our request ..." Invalid) when an operation does not apply,
		/// e.g. a failed `test` or a missing path.

	static std::vector<std::string> parsePointer(const std::string& pointer);
		/// Splits an RFC 6901 pointer into unescaped tokens. Throws
		/// Poco::InvalidArgumentException when it does not start with '/'.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_JsonPatch_INCLUDED
