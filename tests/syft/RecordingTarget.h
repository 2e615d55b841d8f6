//
// RecordingTarget.h
//
// A scripted storage target for the Syft suite: records what it is given
// and answers as told.
//

#ifndef SBOMOP_Tests_RecordingTarget_INCLUDED
#define SBOMOP_Tests_RecordingTarget_INCLUDED

#include "sbomop/syft/Target.h"
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class RecordingTarget: public syft::Target
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
	};

	RecordingTarget(const std::string& name, const Script& script);

	std::string name() const override;
	void validate(const Poco::Util::AbstractConfiguration& config) const override;
	void initialise(plugin::BackendContext& context) override;
	StoreResult store(const plugin::ImageTask& image, const std::string& document, const syft::SbomFormat& format) override;
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
