//
// TargetSet.h
//
// The configured storage targets of the syft backend, used as one: an SBOM
// counts as stored only when every target stored it.
//

#ifndef SBOMOP_Targets_TargetSet_INCLUDED
#define SBOMOP_Targets_TargetSet_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/Target.h"
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace targets {

class SBOMOP_API TargetSet
	/// Owns the targets and fans every call out to all of them.
	///
	/// Threads: store() may be called from several threads at once; calls
	/// into one target are serialised with a mutex per target, so targets
	/// need not be thread-safe. add(), validate() and initialise() are for
	/// the single setup thread. Movable, not copyable.
{
public:
	using Factory = std::function<std::unique_ptr<Target>(const std::string& name)>;
		/// Creates the target of a name, or returns null when this build
		/// has no implementation of it.

	TargetSet();
	~TargetSet();
	TargetSet(TargetSet&& other) noexcept;
	TargetSet& operator = (TargetSet&& other) noexcept;

	static TargetSet create(const std::vector<std::string>& names, const Factory& factory, std::vector<std::string>& unavailable);
		/// A set of the targets `factory` makes for `names`, in order; the
		/// names it has no implementation for are appended to `unavailable`.

	void add(std::unique_ptr<Target> target);
		/// Appends a target. Throws Poco::InvalidArgumentException for null.

	bool empty() const;
	std::size_t size() const;

	std::vector<std::string> names() const;
		/// The targets' names in order.

	void validate(const Poco::Util::AbstractConfiguration& config) const;
		/// Validates every target; throws the first config::ConfigException.

	void initialise(plugin::BackendContext& context);
		/// Initialises every target in order; exceptions propagate.

	void beginBatch(const std::string& batchId);
		/// Starts a cycle's stores in every target and forgets the deferred
		/// stores of the previous batch.

	plugin::ImageResult store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format);
		/// Stores the SBOM in every target. Succeeds when every target
		/// stored it; otherwise the message lists each failing target with
		/// its reason ("git: ...; dtrack: ..."), secrets masked. A target
		/// that throws has failed. Without targets the image fails with
		/// `SBOM generated (<n> bytes) but no storage target is implemented
		/// in this build`, so that no pod is annotated for an SBOM that was
		/// not kept. When a target defers, the image stays failed with the
		/// message `waiting for <targets>` until finishBatch() settles it.

	bool deferred(const std::string& imageId);
		/// True when a target deferred the image in the current batch.

	void finishBatch(std::vector<plugin::ImageResult>& results);
		/// Completes the batch in every target (in order) and settles the
		/// images some target deferred: an entry of `results` for such an
		/// image succeeds when no target failed it and every deferring
		/// target confirmed it. Other entries are left as they are.

	std::vector<plugin::StoredImage> storedImages();
		/// The images any target holds, one entry per image id (locations
		/// of several targets joined with ", "). Throws when any target
		/// throws: never a partial answer.

	std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds);
		/// Removes (or, for targets that prefer it, deactivates) the images
		/// in every target; one result per id, succeeded when every target
		/// succeeded for it.

	static std::string noTargetMessage(std::size_t documentSize);
		/// The failure message of store() without targets.

private:
	struct Entry
	{
		std::unique_ptr<Target> target;
		std::mutex mutex;
	};

	struct Deferred
	{
		std::string failures;             ///< "target: reason" of every target that failed
		std::vector<std::size_t> waiting; ///< entries that deferred the image
	};

	std::vector<std::unique_ptr<Entry>> _entries;
	std::mutex _deferredMutex;
	std::map<std::string, Deferred> _deferred;   ///< by image id, for the current batch
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_TargetSet_INCLUDED
