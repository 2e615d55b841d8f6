//
// RecordingTarget.h
//
// A scripted storage target for the Syft suite: records what it is given
// and answers as told.
//

#ifndef SBOMOP_Tests_RecordingTarget_INCLUDED
#define SBOMOP_Tests_RecordingTarget_INCLUDED

#include "sbomop/targets/Target.h"
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class RecordingTarget: public targets::Target
{
public:
	struct Script
	{
		bool storeOk = true;
		std::string storeMessage;
		bool storeThrows = false;
		std::string storeError = "connection refused";
		bool listThrows = false;
		std::vector<plugin::StoredImage> stored;
		std::set<std::string> failRemoval;
		bool deactivates = false;
		int storeDelayMs = 0;
		bool defers = false;                 ///< store() defers; finishBatch() settles
		std::set<std::string> failInFinish;  ///< deferred images finishBatch() reports as failed
		std::set<std::string> omitInFinish;  ///< deferred images finishBatch() says nothing about
		bool finishThrows = false;
	};

	RecordingTarget(const std::string& name, const Script& script);

	std::string name() const override;
	void validate(const Poco::Util::AbstractConfiguration& config) const override;
	void initialise(plugin::BackendContext& context) override;
	StoreResult store(const plugin::ImageTask& image, const std::string& document, const targets::SbomFormat& format) override;
	void beginBatch(const std::string& batchId) override;
	std::vector<plugin::ImageResult> finishBatch() override;
	std::vector<plugin::StoredImage> storedImages() override;
	std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds) override;
	bool prefersDeactivation() const override;
	std::vector<plugin::ImageResult> deactivate(const std::vector<std::string>& imageIds) override;

	struct Log
	{
		std::mutex mutex;
		std::map<std::string, std::string> documents;  // imageId -> document
		std::vector<std::string> formats;
		std::vector<std::string> calls;
		std::vector<std::string> deferredIds;
		int initialised = 0;
		std::atomic<int> inStore{0};
		std::atomic<int> maxInStore{0};
	};

	Log& log();

private:
	std::string _name;
	Script _script;
	Log _log;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_RecordingTarget_INCLUDED
