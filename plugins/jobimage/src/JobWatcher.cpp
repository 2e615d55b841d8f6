//
// JobWatcher.cpp
//

#include "sbomop/jobimage/JobWatcher.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/kube/RequestCanceller.h"
#include "sbomop/jobimage/ObjectFields.h"
#include "sbomop/kube/JsonStreamScanner.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

namespace sbomop {
namespace jobimage {

using Poco::JSON::Object;

namespace
{
	Object::Ptr parseEvent(const std::string& text)
	{
		try
		{
			Poco::JSON::Parser parser;
			Object::Ptr event = parser.parse(text).extract<Object::Ptr>();
			if (event) return event;
		}
		catch (Poco::Exception&)
		{
		}
		throw kube::MalformedResponseException("watch event is not a JSON object");
	}

	bool retryable(const kube::ApiException& exc)
	{
		return exc.httpCode() == 429 || exc.httpCode() >= 500;
	}
}


JobWatcher::JobWatcher(kube::KubeClient& client, Poco::Logger& logger, const kube::Backoff& backoff, int watchTimeoutSeconds):
	_client(client),
	_logger(logger),
	_backoff(backoff),
	_watchTimeoutSeconds(watchTimeoutSeconds)
{
}


JobWatcher::Result JobWatcher::wait(const std::string& ns, const std::string& name, const std::string& uid, StopToken& cancel)
{
	_name = ns + "/" + name;
	Result result;
	const kube::RequestCanceller::Ptr relay = kube::RequestCanceller::connect(cancel);
	std::string resourceVersion;
	bool relist = true;
	// The first expiry or empty stream in a row is answered at once, repeated
	// ones with backoff, so that a misbehaving server cannot make us spin.
	bool quick = true;
	int retry = 0;
	while (!cancel.stopRequested())
	{
		std::string problem;
		int retryAfterSeconds = -1;
		try
		{
			if (relist)
			{
				const Object::Ptr job = _client.get(kube::ResourceType::JOBS, ns, name);
				if (decide(job, uid, false, result)) return result;
				resourceVersion = ObjectFields::metadata(job, "resourceVersion");
				relist = false;
			}
			kube::WatchOptions options;
			options.resourceVersion = resourceVersion;
			options.fieldSelector = "metadata.name=" + name;
			options.allowWatchBookmarks = true;
			options.timeoutSeconds = _watchTimeoutSeconds;
			auto token = std::make_shared<kube::KubeClientCancelToken>();
			if (!relay->arm(token)) break;
			StreamEnd end = StreamEnd::EMPTY;
			try
			{
				_client.watch(kube::ResourceType::JOBS, ns, options,
					[&](std::istream& in) { end = readEvents(in, uid, resourceVersion, result); }, token);
			}
			catch (...)
			{
				relay->disarm();
				throw;
			}
			relay->disarm();
			if (end == StreamEnd::DECIDED) return result;
			if (end == StreamEnd::RESUME)
			{
				// The server ended a stream that carried events: resume from the last version.
				quick = true;
				retry = 0;
				continue;
			}
			relist = end == StreamEnd::RELIST;
			problem = relist ? "the watch expired" : "the watch ended without any event";
		}
		catch (kube::NotFoundException&)
		{
			if (decide(nullptr, uid, true, result)) return result;
		}
		catch (kube::GoneException& exc)
		{
			// The resourceVersion is too old: read the Job again.
			relist = true;
			problem = exc.displayText();
		}
		catch (kube::ApiException& exc)
		{
			if (!retryable(exc))
			{
				result.outcome = Result::ERROR;
				result.error = exc.displayText();
				return result;
			}
			problem = exc.displayText();
			retryAfterSeconds = exc.retryAfterSeconds();
			quick = false;
		}
		catch (kube::KubeException& exc)
		{
			// Transport errors and malformed responses: resume from the last version.
			problem = exc.displayText();
			quick = false;
		}
		if (cancel.stopRequested()) break;
		if (quick)
		{
			quick = false;
			continue;
		}
		const Poco::Timespan delay = _backoff.delay(retry++, retryAfterSeconds);
		_logger.warning("watching Job %s: %s; retrying in %.1f s", _name, problem, static_cast<double>(delay.totalMilliseconds()) / 1000.0);
		if (cancel.waitFor(static_cast<long>(delay.totalMilliseconds()))) break;
	}
	result.outcome = Result::CANCELLED;
	return result;
}


JobWatcher::StreamEnd JobWatcher::readEvents(std::istream& in, const std::string& uid, std::string& resourceVersion, Result& result)
{
	kube::JsonStreamScanner scanner(in);
	bool events = false;
	while (scanner.peek() >= 0)
	{
		events = true;
		std::string text;
		scanner.readValue(&text);
		const Object::Ptr event = parseEvent(text);
		const std::string type = ObjectFields::string(event, "type");
		const Object::Ptr object = event->getObject("object");
		if (type == "ERROR")
		{
			const Poco::Dynamic::Var code = object ? object->get("code") : Poco::Dynamic::Var();
			if (!code.isEmpty() && code.isNumeric() && code.convert<int>() == 410) return StreamEnd::RELIST;
			throw kube::ServerErrorException(code.isNumeric() ? code.convert<int>() : 500, ObjectFields::string(object, "reason"),
				"watch error: " + ObjectFields::string(object, "message"));
		}
		const std::string version = ObjectFields::metadata(object, "resourceVersion");
		if (!version.empty()) resourceVersion = version;
		if (type == "BOOKMARK") continue;
		if (type != "ADDED" && type != "MODIFIED" && type != "DELETED")
			throw kube::MalformedResponseException("unknown watch event type '" + type + "'");
		if (decide(object, uid, type == "DELETED", result)) return StreamEnd::DECIDED;
	}
	return events ? StreamEnd::RESUME : StreamEnd::EMPTY;
}


bool JobWatcher::decide(const Object::Ptr& job, const std::string& uid, bool deleted, Result& result)
{
	const std::string jobUid = ObjectFields::metadata(job, "uid");
	if (job && !uid.empty() && !jobUid.empty() && jobUid != uid)
	{
		// Same name, another Job: ours was deleted and replaced.
		result.outcome = Result::DELETED;
		return true;
	}
	if (job)
	{
		const JobState state = JobState::of(job);
		if (state.phase() != result.state.phase())
		{
			_logger.information("Job %s: %s", _name, state.describe());
		}
		result.state = state;
		if (state.finished())
		{
			result.outcome = state.phase() == JobState::SUCCEEDED ? Result::SUCCEEDED : Result::FAILED;
			return true;
		}
	}
	if (deleted || !ObjectFields::metadata(job, "deletionTimestamp").empty())
	{
		result.outcome = Result::DELETED;
		return true;
	}
	return false;
}


const char* JobWatcher::outcomeName(Result::Outcome outcome)
{
	switch (outcome)
	{
	case Result::SUCCEEDED: return "succeeded";
	case Result::FAILED: return "failed";
	case Result::DELETED: return "deleted";
	case Result::CANCELLED: return "cancelled";
	case Result::ERROR: return "error";
	}
	return "unknown";
}

} } // namespace sbomop::jobimage
