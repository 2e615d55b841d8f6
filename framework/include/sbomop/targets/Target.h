//
// Target.h
//
// The interface of the syft backend's storage targets (git, dtrack, oci,
// configmap): where a generated SBOM goes.
//

#ifndef SBOMOP_Targets_Target_INCLUDED
#define SBOMOP_Targets_Target_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/plugin/BackendTypes.h"
#include "sbomop/targets/SbomFormat.h"
#include <Poco/Util/AbstractConfiguration.h>
#include <string>
#include <vector>

namespace sbomop {
namespace targets {

class SBOMOP_API Target
	/// One storage target. Life cycle, mirroring the backend's:
	///
	///     validate()       once, before anything starts
	///     initialise()     once, from the backend's start()
	///     beginBatch()     once per cycle, before its first store()
	///     store()          once per successfully scanned image and target
	///     finishBatch()    once per cycle, after its last store()
	///     storedImages()   before orphan removal
	///     remove()/deactivate()  orphan removal
	///
	/// Threads: TargetSet calls one target from one thread at a time (it
	/// serialises the calls per target), but different targets run at the
	/// same time and successive calls may come from different threads.
	///
	/// Errors: validate() throws config::ConfigException. The other calls
	/// report expected failures in their results and may throw any
	/// Poco::Exception for unexpected ones; TargetSet turns those into
	/// failed results. Messages must never contain secrets.
{
public:
	struct StoreResult
		/// The outcome of storing one SBOM.
	{
		bool stored = false;
		bool deferred = false; ///< accepted; finishBatch() decides (e.g. one git commit and push per cycle)
		std::string message;   ///< why it was not stored; empty on success
		std::string location;  ///< where it went, for logs (e.g. "git:sboms/docker.io/nginx/sha256-.../sbom.json")
	};

	Target();
	virtual ~Target();
	Target(const Target&) = delete;
	Target& operator = (const Target&) = delete;

	virtual std::string name() const = 0;
		/// The target's name as in the `targets` key, e.g. "git".

	virtual void validate(const Poco::Util::AbstractConfiguration& config) const = 0;
		/// Checks the target's keys without touching the network. Throws
		/// config::ConfigException.

	virtual void initialise(plugin::BackendContext& context) = 0;
		/// Prepares the target (clone a repository, check an API key, ...).
		/// `context` outlives the target's use of it.

	virtual StoreResult store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format) = 0;
		/// Stores `document` (in `format`) as the SBOM of `image`, named by
		/// image.imageId and image.originalReference (never by pullReference,
		/// which may point to a registry proxy).

	virtual void beginBatch(const std::string& batchId);
		/// Starts the stores of one cycle. The default does nothing.

	virtual std::vector<plugin::ImageResult> finishBatch();
		/// Completes the stores of the cycle that store() answered as
		/// deferred, and returns one result per such image; a deferred
		/// image without a result counts as failed. The default returns
		/// nothing (no target of this kind defers).

	virtual std::vector<plugin::StoredImage> storedImages() = 0;
		/// Every image whose SBOM the target holds. Throws on any failure:
		/// a partial answer would make the host remove SBOMs still in use.

	virtual std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds) = 0;
		/// Removes the SBOMs of images no longer running; one result per id.
		/// An id the target does not hold counts as removed.

	virtual bool prefersDeactivation() const;
		/// True when the target keeps orphans but marks them inactive (e.g.
		/// Dependency-Track with managed active status); TargetSet then calls
		/// deactivate() instead of remove(). Default false.

	virtual std::vector<plugin::ImageResult> deactivate(const std::vector<std::string>& imageIds);
		/// Marks the SBOMs of images no longer running inactive. The default
		/// calls remove().
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_Target_INCLUDED
