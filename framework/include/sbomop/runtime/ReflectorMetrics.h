//
// ReflectorMetrics.h
//
// Counters of one Reflector (lists, watches, relists, events by type,
// errors) for the operator's metrics endpoint and for tests.
//

#ifndef SBOMOP_Runtime_ReflectorMetrics_INCLUDED
#define SBOMOP_Runtime_ReflectorMetrics_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/WatchEvent.h"
#include "sbomop/runtime/StoreChange.h"
#include <atomic>
#include <cstdint>

namespace sbomop {
namespace runtime {

class SBOMOP_API ReflectorMetrics
	/// Monotonic counters. The reflector thread increments them; any thread
	/// may read them. Thread-safe.
{
public:
	struct Snapshot
		/// The counters at one moment (each read atomically, not all together).
	{
		std::uint64_t lists = 0;
			///< complete lists stored (the initial one and relists)
		std::uint64_t relists = 0;
			///< lists after the first (410 Gone, or a list that failed before)
		std::uint64_t listPages = 0;
			///< list requests answered with a page
		std::uint64_t listRestarts = 0;
			///< lists restarted because their continue token expired
		std::uint64_t watches = 0;
			///< watch requests started
		std::uint64_t expired = 0;
			///< 410 Gone answers (HTTP or watch ERROR event) that forced a relist
		std::uint64_t errors = 0;
			///< failed list or watch attempts (each followed by a backoff)
		std::uint64_t eventsAdded = 0;
		std::uint64_t eventsModified = 0;
		std::uint64_t eventsDeleted = 0;
		std::uint64_t eventsBookmark = 0;
		std::uint64_t eventsError = 0;
			///< watch events received, by type
		std::uint64_t notifiedAdded = 0;
		std::uint64_t notifiedUpdated = 0;
		std::uint64_t notifiedDeleted = 0;
			///< changes handed to the event handlers, by type (watch and relist)
		std::uint64_t handlerErrors = 0;
			///< exceptions thrown by event handlers

		std::uint64_t events(kube::WatchEventType type) const;
			/// The eventsXxx counter of `type`.
		std::uint64_t notified(ChangeType type) const;
			/// The notifiedXxx counter of `type`.
	};

	ReflectorMetrics();

	void countList(bool relist);
		/// A complete list was stored.
	void countListPages(std::uint64_t pages, std::uint64_t restarts);
		/// Pages received and continue-token restarts of one list attempt,
		/// complete or not.
	void countWatch();
	void countExpired();
	void countError();
	void countEvent(kube::WatchEventType type);
	void countNotified(ChangeType type);
	void countHandlerError();

	Snapshot snapshot() const;

private:
	ReflectorMetrics(const ReflectorMetrics&) = delete;
	ReflectorMetrics& operator = (const ReflectorMetrics&) = delete;

	std::atomic<std::uint64_t> _lists;
	std::atomic<std::uint64_t> _relists;
	std::atomic<std::uint64_t> _listPages;
	std::atomic<std::uint64_t> _listRestarts;
	std::atomic<std::uint64_t> _watches;
	std::atomic<std::uint64_t> _expired;
	std::atomic<std::uint64_t> _errors;
	std::atomic<std::uint64_t> _events[5];
	std::atomic<std::uint64_t> _notified[3];
	std::atomic<std::uint64_t> _handlerErrors;
};

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_ReflectorMetrics_INCLUDED
