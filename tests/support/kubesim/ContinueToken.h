//
// ContinueToken.h
//
// The opaque `continue` token of paged lists, encoded like the real API
// server's (base64url of {"v":"meta.k8s.io/v1","rv":N,"start":"<key>"}) plus
// the issue time, so tokens can expire after a configurable window.
//

#ifndef SBOMOP_KubeSim_ContinueToken_INCLUDED
#define SBOMOP_KubeSim_ContinueToken_INCLUDED

#include <Poco/Timestamp.h>
#include <cstdint>
#include <string>

namespace sbomop {
namespace kubesim {

struct ContinueToken
	/// A decoded token: the snapshot resourceVersion, the first key of the
	/// next page and when the token was issued.
{
	std::uint64_t resourceVersion = 0;
	std::string startKey;
	Poco::Timestamp issued;

	std::string encode() const;
		/// The opaque token text.

	static ContinueToken decode(const std::string& text);
		/// Throws StatusError 400 `invalid continue token: ...` when malformed.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ContinueToken_INCLUDED
