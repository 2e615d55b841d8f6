//
// Backend.h
//
// The interface between the operator framework and a backend plugin.
//
// The framework discovers images, resolves digests and pull credentials,
// decides what is pending, and annotates pods. A backend only turns a batch of
// pending images into SBOMs (and stores them, or hands them to a job) and
// reports one result per image. It never writes pod annotations itself.
//
// Life cycle, all calls from ONE host thread, never concurrently:
//
//     declareConfigKeys()  once, before the configuration is validated
//     validate()           once, before anything starts
//     start()              once
//     process()            once per cycle, zero or more times
//     storedImages()       before orphan removal, when supportsOrphans()
//     removeImages()       orphan removal, when supportsOrphans()
//     stop()               once, also after a failed start()
//
// Errors: validate() throws sbomop::config::ConfigException for bad or missing
// keys (the host exits with code 78). Exceptions from any other call are caught
// by the host, logged with the backend's name, and treated as a failure of the
// whole call (for process(): every image of the batch failed; nothing is
// annotated). A backend may use its own threads inside process(), but must have
// joined them before process() returns.
//
// ABI: plugins are built with the same compiler, standard library, Poco and SDK
// major.minor as the host. Any change to this class, BackendContext or
// BackendTypes.h bumps SBOMOP_PLUGIN_API_VERSION in PluginApi.h.
//

#ifndef SBOMOP_Plugin_Backend_INCLUDED
#define SBOMOP_Plugin_Backend_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/plugin/BackendTypes.h"
#include <string>
#include <vector>

namespace sbomop {
namespace config { class ConfigSchema; }

namespace plugin {

class SBOMOP_API Backend
{
public:
	Backend();
	virtual ~Backend();
	Backend(const Backend&) = delete;
	Backend& operator = (const Backend&) = delete;

	virtual std::string name() const = 0;
		/// Short name, e.g. "syft"; used in logs, metrics and the logger name.

	virtual std::string description() const = 0;
		/// One line logged at start: what this backend does and, when it is
		/// not feature-complete, what it does not do yet.

	virtual void declareConfigKeys(config::ConfigSchema& schema) const;
		/// Adds the backend's own configuration keys to the schema so that they
		/// are accepted, validated, and listed. The default adds none (built-in
		/// backends' keys are part of the built-in table).

	virtual void validate(const Poco::Util::AbstractConfiguration& config) const = 0;
		/// Checks every key the backend needs. Must not touch the network or
		/// the filesystem beyond checking that configured files exist.
		/// Throws config::ConfigException naming the key, the (masked) value
		/// and what is allowed.

	virtual void start(BackendContext& context) = 0;
		/// Local initialisation. The context outlives the backend's use of it.

	virtual std::vector<ImageResult> process(const ImageBatch& batch, StopToken& cancel) = 0;
		/// Generates (and stores) SBOMs for every image of the batch. Blocks
		/// until done. Returns one result per image of the batch; images
		/// without a result count as failed. Must give up promptly when
		/// `cancel` is requested (shutdown or lost leadership) and report the
		/// unfinished images as failed.

	virtual bool supportsOrphans() const;
		/// True when the backend stores SBOMs itself and can list and remove
		/// them. Default false.

	virtual std::vector<StoredImage> storedImages();
		/// The images whose SBOMs the backend's storage holds. Throws on any
		/// failure: a partial answer must never be returned, because the host
		/// removes what is stored but no longer running.

	virtual std::vector<ImageResult> removeImages(const std::vector<std::string>& imageIds);
		/// Removes (or deactivates) the SBOMs of images no longer running.

	virtual void stop() = 0;
		/// Releases resources. Must not throw.
};

} } // namespace sbomop::plugin

#endif // SBOMOP_Plugin_Backend_INCLUDED
