//
// JobWatcher.h
//
// Waits for one Job to end by watching it: no polling, no fixed sleeps.
//

#ifndef SBOMOP_JobImage_JobWatcher_INCLUDED
#define SBOMOP_JobImage_JobWatcher_INCLUDED

#include "sbomop/jobimage/JobState.h"
#include "sbomop/kube/Backoff.h"
#include <Poco/JSON/Object.h>
#include <istream>
#include <string>

namespace Poco { class Logger; }

namespace sbomop {

class StopToken;
namespace kube { class KubeClient; }

namespace jobimage {

class JobWatcher
	/// Reads the Job once (GET), then watches it with
	/// `fieldSelector=metadata.name=<job>` from that resourceVersion until
	/// JobState says it finished. A stream the server ends, or a broken
	/// connection, is resumed from the last resourceVersion seen (events and
	/// bookmarks); a 410 Expired (as HTTP status or in-stream ERROR event) is
	/// answered with a fresh GET. 429, 5xx, transport errors, malformed
	/// responses, and expiries or empty streams that repeat, are retried with
	/// exponential backoff; other API errors (e.g.
	/// 403) end the wait with ERROR. A Job that disappears (404, DELETED
	/// event, deletionTimestamp, or a new Job with the same name but another
	/// uid) ends it with DELETED, unless its last state was already final.
	///
	/// Not thread-safe: one wait at a time per watcher. The client and the
	/// logger must outlive it.
{
public:
	struct Result
	{
		enum Outcome
		{
			SUCCEEDED,  /// Complete=True
			FAILED,     /// Failed=True; see state for reason and message
			DELETED,    /// the Job went away before it finished
			CANCELLED,  /// the StopToken was requested; the Job is untouched
			ERROR       /// the Job cannot be watched (see error)
		};

		Outcome outcome = CANCELLED;
		JobState state;
			/// The last state seen.
		std::string error;
			/// What went wrong, for ERROR.
	};

	static constexpr int DEFAULT_WATCH_TIMEOUT = 300;
		/// Seconds after which the server ends each watch request (it is
		/// then resumed), so that a silently dead connection is noticed.

	JobWatcher(kube::KubeClient& client, Poco::Logger& logger, const kube::Backoff& backoff = kube::Backoff(),
		int watchTimeoutSeconds = DEFAULT_WATCH_TIMEOUT);

	Result wait(const std::string& ns, const std::string& name, const std::string& uid, StopToken& cancel);
		/// Blocks until the Job `ns`/`name` with `uid` ("" = any uid) ends, it
		/// disappears, it cannot be watched, or `cancel` is requested (which
		/// aborts a blocked watch at once). Never deletes anything. Throws
		/// nothing but std::bad_alloc.

	static const char* outcomeName(Result::Outcome outcome);
		/// "succeeded", "failed", "deleted", "cancelled", "error".

private:
	enum class StreamEnd
	{
		DECIDED,  /// the Job's outcome is known
		RESUME,   /// the stream ended after some events: watch again from the last version
		EMPTY,    /// the stream ended without any event
		RELIST    /// 410 in the stream: read the Job again
	};

	bool decide(const Poco::JSON::Object::Ptr& job, const std::string& uid, bool deleted, Result& result);
	StreamEnd readEvents(std::istream& in, const std::string& uid, std::string& resourceVersion, Result& result);

	kube::KubeClient& _client;
	Poco::Logger& _logger;
	kube::Backoff _backoff;
	int _watchTimeoutSeconds;
	std::string _name;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobWatcher_INCLUDED
