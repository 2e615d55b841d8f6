//
// ConfigMapNaming.h
//
// The name of the ConfigMap that holds the SBOM of one container.
//

#ifndef SBOMOP_Targets_ConfigMapNaming_INCLUDED
#define SBOMOP_Targets_ConfigMapNaming_INCLUDED

#include "sbomop/Sbomop.h"
#include <cstddef>
#include <string>

namespace sbomop {
namespace targets {

class SBOMOP_API ConfigMapNaming
	/// Names ConfigMaps `<pod>-<container>`, as the Go sbom-operator did,
	/// whenever that is a valid object name (a DNS-1123 subdomain: at most
	/// 253 characters of `[a-z0-9.-]`, dot-separated parts that start and end
	/// with a letter or digit). Otherwise (too long, or characters the API
	/// would reject) the name is shortened:
	///
	///   1. lowercase; every run of characters other than `[a-z0-9]`
	///      becomes one `-`; leading and trailing `-` go;
	///   2. cut to 242 characters, trailing `-` removed again;
	///   3. `-` plus the first 10 hex digits of SHA-256 of the original
	///      `<pod>-<container>` appended (at most 253 characters in all).
	///
	/// The suffix keeps the name stable for the same pod and container and
	/// distinct for pairs that shorten alike. Stateless; thread-safe.
{
public:
	static const std::size_t MAX_LENGTH = 253;
	static const std::size_t HASH_LENGTH = 10;

	static std::string nameFor(const std::string& podName, const std::string& containerName);
		/// The ConfigMap name of a container, following the rule above.

	static bool isValidName(const std::string& name);
		/// True for a DNS-1123 subdomain of at most MAX_LENGTH characters.

private:
	ConfigMapNaming();
};

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_ConfigMapNaming_INCLUDED
