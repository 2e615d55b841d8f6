//
// TargetSet.cpp
//

#include "sbomop/targets/TargetSet.h"
#include "sbomop/logging/SecretRedactor.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <algorithm>
#include <map>

namespace sbomop {
namespace targets {

namespace {

std::string safe(const std::string& message)
{
	return logging::SecretRedactor::instance().redact(message);
}

void appendReason(std::string& messages, const std::string& target, const std::string& reason)
{
	if (!messages.empty()) messages += "; ";
	messages += target + ": " + safe(reason);
}

// Runs `call`, turning any exception into its text.
template <typename Call>
bool guarded(Call call, std::string& error)
{
	try
	{
		call();
		return true;
	}
	catch (Poco::Exception& exc)
	{
		error = exc.displayText();
	}
	catch (std::exception& exc)
	{
		error = exc.what();
	}
	return false;
}

} // namespace


TargetSet::TargetSet()
{
}


TargetSet::~TargetSet()
{
}


TargetSet::TargetSet(TargetSet&& other) noexcept:
	_entries(std::move(other._entries)),
	_deferred(std::move(other._deferred))
{
}


TargetSet& TargetSet::operator = (TargetSet&& other) noexcept
{
	_entries = std::move(other._entries);
	_deferred = std::move(other._deferred);
	return *this;
}


TargetSet TargetSet::create(const std::vector<std::string>& names, const Factory& factory, std::vector<std::string>& unavailable)
{
	TargetSet set;
	for (const std::string& name: names)
	{
		std::unique_ptr<Target> target = factory ? factory(name) : nullptr;
		if (target) set.add(std::move(target));
		else unavailable.push_back(name);
	}
	return set;
}


void TargetSet::add(std::unique_ptr<Target> target)
{
	if (!target) throw Poco::InvalidArgumentException("null target");
	std::unique_ptr<Entry> entry(new Entry);
	entry->target = std::move(target);
	_entries.push_back(std::move(entry));
}


bool TargetSet::empty() const
{
	return _entries.empty();
}


std::size_t TargetSet::size() const
{
	return _entries.size();
}


std::vector<std::string> TargetSet::names() const
{
	std::vector<std::string> result;
	for (const auto& entry: _entries) result.push_back(entry->target->name());
	return result;
}


void TargetSet::validate(const Poco::Util::AbstractConfiguration& config) const
{
	for (const auto& entry: _entries) entry->target->validate(config);
}


void TargetSet::initialise(plugin::BackendContext& context)
{
	for (const auto& entry: _entries) entry->target->initialise(context);
}


void TargetSet::beginBatch(const std::string& batchId)
{
	{
		std::lock_guard<std::mutex> lock(_deferredMutex);
		_deferred.clear();
	}
	for (const auto& entry: _entries)
	{
		std::lock_guard<std::mutex> lock(entry->mutex);
		entry->target->beginBatch(batchId);
	}
}


plugin::ImageResult TargetSet::store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format)
{
	plugin::ImageResult result;
	result.imageId = image.imageId;
	if (_entries.empty())
	{
		result.message = noTargetMessage(document.size());
		return result;
	}
	Deferred outcome;
	for (std::size_t index = 0; index < _entries.size(); ++index)
	{
		Entry& entry = *_entries[index];
		Target::StoreResult stored;
		std::string error;
		const bool ran = guarded([&] {
			std::lock_guard<std::mutex> lock(entry.mutex);
			stored = entry.target->store(image, document, format);
		}, error);
		if (!ran) appendReason(outcome.failures, entry.target->name(), error);
		else if (stored.deferred) outcome.waiting.push_back(index);
		else if (!stored.stored) appendReason(outcome.failures, entry.target->name(), stored.message.empty() ? "not stored" : stored.message);
	}
	result.succeeded = outcome.failures.empty() && outcome.waiting.empty();
	result.message = outcome.failures;
	if (!outcome.waiting.empty())
	{
		std::vector<std::string> names;
		for (std::size_t index: outcome.waiting) names.push_back(_entries[index]->target->name());
		if (result.message.empty()) result.message = "waiting for " + Poco::cat(std::string(", "), names.begin(), names.end());
		std::lock_guard<std::mutex> lock(_deferredMutex);
		_deferred[image.imageId] = std::move(outcome);
	}
	return result;
}


bool TargetSet::deferred(const std::string& imageId)
{
	std::lock_guard<std::mutex> lock(_deferredMutex);
	return _deferred.count(imageId) != 0;
}


void TargetSet::finishBatch(std::vector<plugin::ImageResult>& results)
{
	std::map<std::string, Deferred> deferred;
	{
		std::lock_guard<std::mutex> lock(_deferredMutex);
		deferred.swap(_deferred);
	}
	for (std::size_t index = 0; index < _entries.size(); ++index)
	{
		Entry& entry = *_entries[index];
		std::vector<plugin::ImageResult> finished;
		std::string error;
		const bool ran = guarded([&] {
			std::lock_guard<std::mutex> lock(entry.mutex);
			finished = entry.target->finishBatch();
		}, error);
		std::map<std::string, const plugin::ImageResult*> byId;
		for (const auto& result: finished) byId[result.imageId] = &result;
		for (auto& item: deferred)
		{
			Deferred& image = item.second;
			if (std::find(image.waiting.begin(), image.waiting.end(), index) == image.waiting.end()) continue;
			const auto it = byId.find(item.first);
			if (!ran) appendReason(image.failures, entry.target->name(), error);
			else if (it == byId.end()) appendReason(image.failures, entry.target->name(), "no result for the batch");
			else if (!it->second->succeeded) appendReason(image.failures, entry.target->name(), it->second->message.empty() ? "not stored" : it->second->message);
		}
	}
	for (auto& result: results)
	{
		const auto it = deferred.find(result.imageId);
		if (it == deferred.end()) continue;
		result.succeeded = it->second.failures.empty();
		result.message = it->second.failures;
	}
}


std::vector<plugin::StoredImage> TargetSet::storedImages()
{
	std::vector<plugin::StoredImage> result;
	std::map<std::string, std::size_t> index;
	for (const auto& entry: _entries)
	{
		std::vector<plugin::StoredImage> images;
		{
			std::lock_guard<std::mutex> lock(entry->mutex);
			images = entry->target->storedImages();
		}
		for (const auto& image: images)
		{
			const auto it = index.find(image.imageId);
			if (it == index.end())
			{
				index[image.imageId] = result.size();
				result.push_back(image);
			}
			else if (!image.location.empty())
			{
				std::string& location = result[it->second].location;
				location += location.empty() ? image.location : ", " + image.location;
			}
		}
	}
	return result;
}


std::vector<plugin::ImageResult> TargetSet::remove(const std::vector<std::string>& imageIds)
{
	std::map<std::string, std::string> failures;
	for (const std::string& id: imageIds) failures[id];
	for (const auto& entry: _entries)
	{
		const std::string name = entry->target->name();
		std::vector<plugin::ImageResult> results;
		std::string error;
		const bool ran = guarded([&] {
			std::lock_guard<std::mutex> lock(entry->mutex);
			results = entry->target->prefersDeactivation() ? entry->target->deactivate(imageIds) : entry->target->remove(imageIds);
		}, error);
		std::map<std::string, const plugin::ImageResult*> byId;
		for (const auto& result: results) byId[result.imageId] = &result;
		for (const std::string& id: imageIds)
		{
			const auto it = byId.find(id);
			if (!ran) appendReason(failures[id], name, error);
			else if (it == byId.end()) appendReason(failures[id], name, "no result");
			else if (!it->second->succeeded) appendReason(failures[id], name, it->second->message);
		}
	}
	std::vector<plugin::ImageResult> results;
	for (const std::string& id: imageIds)
	{
		const std::string& failure = failures[id];
		results.push_back({ id, failure.empty(), failure });
	}
	return results;
}


std::string TargetSet::noTargetMessage(std::size_t documentSize)
{
	return "SBOM generated (" + std::to_string(documentSize) + " bytes) but no storage target is implemented in this build";
}


} } // namespace sbomop::targets
