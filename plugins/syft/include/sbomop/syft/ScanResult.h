//
// ScanResult.h
//
// What one Syft run produced: the SBOM, or why there is none.
//

#ifndef SBOMOP_Syft_ScanResult_INCLUDED
#define SBOMOP_Syft_ScanResult_INCLUDED

#include <string>

namespace sbomop {
namespace syft {

class ScanResult
	/// A plain value type.
{
public:
	enum Status
	{
		SUCCEEDED,  /// document holds the SBOM
		FAILED,     /// Syft failed or wrote no usable SBOM; see message
		TIMED_OUT,  /// Syft was killed after syft-timeout
		CANCELLED   /// the scan was stopped (shutdown, lost leadership)
	};

	Status status = FAILED;
	std::string document;
		/// The SBOM as Syft wrote it; empty unless SUCCEEDED.
	std::string message;
		/// Why the scan failed, with Syft's stderr; secrets masked. Empty on success.
	double seconds = 0;
		/// Run time of the scan.

	bool succeeded() const;
		/// True for SUCCEEDED.

	static std::string statusName(Status status);
		/// `succeeded`, `failed`, `timeout` or `cancelled`: the `result`
		/// label of sbomop_syft_scans_total.
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_ScanResult_INCLUDED
