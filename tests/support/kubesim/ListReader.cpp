//
// ListReader.cpp
//

#include "kubesim/ListReader.h"
#include "kubesim/ContinueToken.h"
#include "kubesim/StatusError.h"
#include <Poco/JSON/Array.h>
#include <Poco/Thread.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const char* const CONTINUE_EXPIRED = "The provided continue parameter is too old to display a consistent list result. "
		"You can start a new list without the continue parameter, or use the continue token in this response to retrieve "
		"the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that "
		"were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";
}

ListReader::ListReader(const ObjectStore& store):
	_store(store),
	_continueTtl(5 * Poco::Timespan::MINUTES),
	_freshnessWait(3 * Poco::Timespan::SECONDS),
	_watchListEnabled(true)
{
}

void ListReader::setContinueTokenTtl(const Poco::Timespan& ttl)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_continueTtl = ttl;
}

void ListReader::setFreshnessWait(const Poco::Timespan& wait)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_freshnessWait = wait;
}

void ListReader::setWatchListEnabled(bool enabled)
{
	_watchListEnabled = enabled;
}

bool ListReader::watchListEnabled() const
{
	return _watchListEnabled;
}

void ListReader::waitForResourceVersion(std::uint64_t resourceVersion) const
{
	Poco::Timespan freshnessWait;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		freshnessWait = _freshnessWait;
	}
	Poco::Timestamp start;
	while (_store.currentResourceVersion() < resourceVersion)
	{
		if (start.isElapsed(freshnessWait.totalMicroseconds()))
		{
			Object::Ptr cause = new Object;
			cause->set("reason", "ResourceVersionTooLarge");
			cause->set("message", "Too large resource version");
			Array::Ptr causes = new Array;
			causes->add(cause);
			Object::Ptr details = new Object;
			details->set("causes", causes);
			StatusError error(504, "Timeout", "Timeout: Too large resource version: " + std::to_string(resourceVersion)
				+ ", current: " + std::to_string(_store.currentResourceVersion()), details);
			error.setRetryAfter(1);
			throw error;
		}
		Poco::Thread::sleep(20);
	}
}

ListReader::Page ListReader::list(const ResourceInfo& resource, const std::string& ns, const ListOptions& options) const
{
	options.validate(_watchListEnabled);
	ObjectStore::ListRequest request;
	request.limit = options.limit > 0 ? static_cast<std::size_t>(options.limit) : 0;
	request.filter = [&options](const StoredObject& object) { return options.matches(object); };
	request.countRemaining = !options.hasSelectors;

	if (!options.continueToken.empty())
	{
		if (!options.resourceVersion.empty() && options.resourceVersion != "0")
			throw StatusError::badRequest("specifying resource version is not allowed when using continue");
		ContinueToken token = ContinueToken::decode(options.continueToken);
		Poco::Timespan continueTtl;
		{
			std::lock_guard<std::mutex> lock(_mutex);
			continueTtl = _continueTtl;
		}
		if (token.issued.isElapsed(continueTtl.totalMicroseconds()) || !_store.canServeFrom(resource, token.resourceVersion))
		{
			StatusError error = StatusError::expired(CONTINUE_EXPIRED);
			ContinueToken fresh;
			fresh.resourceVersion = _store.currentResourceVersion();
			fresh.startKey = token.startKey;
			error.setContinue(fresh.encode());
			throw error;
		}
		request.snapshot = token.resourceVersion;
		request.startKey = token.startKey;
	}
	else if (options.hasResourceVersion && !options.resourceVersion.empty() && options.resourceVersion != "0")
	{
		const std::uint64_t rv = options.resourceVersionNumber();
		const bool exact = options.resourceVersionMatch == "Exact" || (options.resourceVersionMatch.empty() && request.limit > 0);
		waitForResourceVersion(rv);
		if (exact)
		{
			if (!_store.canServeFrom(resource, rv)) throw StatusError::expired("The resourceVersion for the provided list is too old.");
			request.snapshot = rv;
		}
	}

	ObjectStore::ListResult result = _store.list(resource, ns, request);
	Page page;
	page.items = std::move(result.items);
	page.resourceVersion = result.resourceVersion;
	page.remaining = result.remaining;
	if (!result.lastKey.empty())
	{
		ContinueToken token;
		token.resourceVersion = result.resourceVersion;
		token.startKey = result.lastKey + std::string(1, '\0');
		page.continueToken = token.encode();
	}
	return page;
}

} } // namespace sbomop::kubesim
