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


targets::Target::StoreResult RecordingTarget::store(const plugin::ImageTask& image, const std::string& document, const targets::SbomFormat& format)
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
		if (_script.defers) _log.deferredIds.push_back(image.imageId);
	}
	--_log.inStore;
	if (_script.storeThrows) throw Poco::IOException(_script.storeError);
	StoreResult result;
	result.stored = _script.storeOk && !_script.defers;
	result.deferred = _script.defers;
	result.message = _script.storeMessage;
	result.location = _name + ":" + image.imageId;
	return result;
}


void RecordingTarget::beginBatch(const std::string& batchId)
{
	std::lock_guard<std::mutex> lock(_log.mutex);
	_log.calls.push_back("begin " + batchId);
	_log.deferredIds.clear();
}


std::vector<plugin::ImageResult> RecordingTarget::finishBatch()
{
	std::lock_guard<std::mutex> lock(_log.mutex);
	_log.calls.push_back("finish");
	if (_script.finishThrows) throw Poco::IOException(_name + " push rejected");
	std::vector<plugin::ImageResult> results;
	for (const std::string& id: _log.deferredIds)
	{
		if (_script.omitInFinish.count(id)) continue;
		const bool fail = _script.failInFinish.count(id) > 0;
		results.push_back({ id, !fail, fail ? "commit of " + id + " failed" : "" });
	}
	return results;
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
