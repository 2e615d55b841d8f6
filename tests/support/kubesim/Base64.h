//
// Base64.h
//
// Standard-alphabet base64 as Kubernetes uses it for Secret `data` and
// ConfigMap `binaryData`, with Go's error wording for bad input.
//

#ifndef SBOMOP_KubeSim_Base64_INCLUDED
#define SBOMOP_KubeSim_Base64_INCLUDED

#include <string>

namespace sbomop {
namespace kubesim {

class Base64
	/// Stateless, thread-safe.
{
public:
	static std::string encode(const std::string& data);
		/// Padded standard base64, no line breaks.

	static bool decode(const std::string& text, std::string& data, std::string& error);
		/// Decodes padded standard base64. On bad input returns false and sets
		/// `error` to Go's `illegal base64 data at input byte N`.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_Base64_INCLUDED
