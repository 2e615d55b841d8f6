//
// OpenApiDocuments.h
//
// Serves `/openapi/v3` (the index) and `/openapi/v3/<group-version path>`
// from the OpenAPI v3 documents found in a directory at startup (file names
// like `api__v1_openapi.json`, `apis__batch__v1_openapi.json`). kubectl >= 1.27
// needs them for client-side validation and `--dry-run=server`.
//

#ifndef SBOMOP_KubeSim_OpenApiDocuments_INCLUDED
#define SBOMOP_KubeSim_OpenApiDocuments_INCLUDED

#include <map>
#include <string>

namespace sbomop {
namespace kubesim {

class OpenApiDocuments
	/// Immutable after load(); thread-safe for lookups.
{
public:
	OpenApiDocuments();

	void load(const std::string& directory);
		/// Reads every `*_openapi.json` file of the directory. Throws
		/// Poco::FileException when the directory cannot be read.

	bool empty() const;
		/// True when no document was loaded.

	bool find(const std::string& path, std::string& body) const;
		/// The response body for a path under /openapi (index or document);
		/// false when unknown.

	const std::map<std::string, std::string>& documents() const;
		/// The loaded documents by group-version path ("api/v1", "apis/batch/v1").

private:
	std::map<std::string, std::string> _documents;   ///< "apis/batch/v1" -> JSON
	std::map<std::string, std::string> _hashes;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_OpenApiDocuments_INCLUDED
