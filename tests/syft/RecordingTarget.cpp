//
// RecordingTarget.cpp
//

#include "RecordingTarget.h"
#include "sbomop/config/ConfigException.h"
#include <Poco/Exception.h>
#include <Poco/Thread.h>

namespace sbomop {
namespace testing {

RecordingTarget::RecordingTarget(const std::string& name, const Script& script):
	_name(name),
	_script(script)
{
}


std::string RecordingTarget::name() const
{
	return _name;
}


void RecordingTarget::validate(const Poco::Util::AbstractConfiguration& config) const
{
	if (config.getString(_name + "-fail-validation", "") == "true")
		throw config::ConfigException::missingValue(_name + "-thing", "required by target " + _name);
}


void RecordingTarget::initialise(plugin::BackendContext&)
{
	std::lock_guard<std::mutex> lock(_log.mutex);
	++_log.initialised;
}


syft::Target::StoreResult RecordingTarget::store(const plugin::ImageTask& image, const std::string& document, const syft::SbomFormat& format)
{
	const int inside = ++_log.inStore;
	int seen = _log.maxInStore;
	while (inside > seen && !_log.maxInStore.compare_exchange_weak(seen, inside)) {}
	if (_script.storeDelayMs > 0) Poco::Thread::sleep(_script.storeDelayMs);
	{
		std::lock_guard<std::mutex> lock(_log.mutex);
		_log.documents[image.imageId] = document;
		_log.formats.push_back(format.syftId());
		_log.calls.push_back("store " + image.imageId);
	}
	--_log.inStore;
	if (_script.storeThrows) throw Poco::IOException(_script.storeError);
	StoreResult result;
	result.stored = _script.storeOk;
	result.message = _script.storeMessage;
	result.location = _name + ":" + image.imageId;
	return result;
}


std::vector<plugin::StoredImage> RecordingTarget::storedImages()
{
	if (_script.listThrows) throw Poco::IOException(_name + " listing failed");
	return _script.stored;
}


std::vector<plugin::ImageResult> RecordingTarget::remove(const std::vector<std::string>& imageIds)
{
	std::vector<plugin::ImageResult> results;
	std::lock_guard<std::mutex> lock(_log.mutex);
	for (const std::string& id: imageIds)
	{
		_log.calls.push_back("remove " + id);
		const bool fail = _script.failRemoval.count(id) > 0;
		results.push_back({ id, !fail, fail ? "cannot delete " + id : "" });
	}
	return results;
}


bool RecordingTarget::prefersDeactivation() const
{
	return _script.deactivates;
}


std::vector<plugin::ImageResult> RecordingTarget::deactivate(const std::vector<std::string>& imageIds)
{
	std::vector<plugin::ImageResult> results;
	std::lock_guard<std::mutex> lock(_log.mutex);
	for (const std::string& id: imageIds)
	{
		_log.calls.push_back("deactivate " + id);
		results.push_back({ id, true, "" });
	}
	return results;
}


RecordingTarget::Log& RecordingTarget::log()
{
	return _log;
}


} } // namespace sbomop::testing
