//
// JobValueParser.h
//
// Parses and checks the structured job-* configuration values (resources,
// node selector, tolerations, object names) into the JSON the Job spec
// carries, so that an invalid value stops the operator at startup instead of
// failing every Job creation with 422.
//

#ifndef SBOMOP_JobImage_JobValueParser_INCLUDED
#define SBOMOP_JobImage_JobValueParser_INCLUDED

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace jobimage {

class JobValueParser
	/// Stateless; thread-safe. Every function throws config::ConfigException
	/// carrying only the reason (e.g. "limits.cpu: \"lots\" is not a
	/// quantity"); the caller adds the key and the value.
{
public:
	static Poco::JSON::Object::Ptr parseResources(const std::string& text);
		/// `{"requests":{...},"limits":{...}}`: a JSON object with only those
		/// two keys, each an object mapping resource names (`cpu`, `memory`,
		/// `ephemeral-storage`, `example.com/gpu`, ...) to non-negative
		/// quantity strings ("500m", "1Gi", "2", "1e3"). Returns null for
		/// an empty or blank text.

	static Poco::JSON::Object::Ptr parseNodeSelector(const std::string& text);
		/// A JSON object of string values (`{"kubernetes.io/os":"linux"}`) or
		/// `k=v,k2=v2`; keys must be label keys and values label values.
		/// Returns null for an empty or blank text.

	static Poco::JSON::Array::Ptr parseTolerations(const std::string& text);
		/// A JSON array of toleration objects with the fields `key`,
		/// `operator` ("Equal" or "Exists"), `value`, `effect` ("",
		/// "NoSchedule", "PreferNoSchedule", "NoExecute") and
		/// `tolerationSeconds` (integer, only with effect NoExecute), checked
		/// like the API server does (an empty key needs operator Exists;
		/// Exists takes no value). Returns null for an empty or blank text.

	static void checkObjectName(const std::string& name);
		/// `name` must be a DNS-1123 subdomain (lower-case alphanumerics, '-'
		/// and '.', at most 253 characters), as Secret and ServiceAccount
		/// names are.

	static bool isQuantity(const std::string& text);
		/// True for a non-negative Kubernetes quantity: a decimal number
		/// (optional '+', digits with an optional fraction) followed by an
		/// optional binary (Ki..Ei), decimal (n, u, m, k, M..E) or exponent
		/// (e3, E-2) suffix.
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobValueParser_INCLUDED
