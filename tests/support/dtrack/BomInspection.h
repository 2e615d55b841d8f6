//
// BomInspection.h
//
// What dtrack-sim learned from an uploaded document: whether Dependency-Track
// 4.14 would accept it and, if so, its format, CycloneDX spec version and
// component count; if not, the problem-details `detail` and `errors`.
//

#ifndef SBOMOP_DtrackSim_BomInspection_INCLUDED
#define SBOMOP_DtrackSim_BomInspection_INCLUDED

#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct BomInspection
	/// A plain value.
{
	bool valid = false;
	std::string format;               ///< "JSON" or "XML" (once recognized)
	std::string specVersion;          ///< "1.2" ... "1.6"
	int componentCount = 0;           ///< every component, nested ones included
	std::string detail;               ///< CycloneDxValidator's message when invalid
	std::vector<std::string> errors;  ///< schema violations ("$.components[0]: ...")

	void reject(const std::string& why);
		/// Marks the document invalid with `detail` = why.
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_BomInspection_INCLUDED
