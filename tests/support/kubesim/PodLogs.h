//
// PodLogs.h
//
// What the containers kube-sim runs write to stdout and stderr, kept per pod
// like a kubelet's log file until the pod is removed, for
// `GET /api/v1/namespaces/{ns}/pods/{name}/log` (kubectl logs) and for tests.
//

#ifndef SBOMOP_KubeSim_PodLogs_INCLUDED
#define SBOMOP_KubeSim_PodLogs_INCLUDED

#include <Poco/Timespan.h>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>

namespace sbomop {
namespace kubesim {

class PodLogs
	/// Thread-safe.
{
public:
	static const std::size_t MAX_BYTES = 4 * 1024 * 1024;
		///< output beyond this is dropped (a marker line says so)

	PodLogs();

	void open(const std::string& ns, const std::string& pod);
		/// Starts an empty log for a container that starts running,
		/// replacing an older one.

	void append(const std::string& ns, const std::string& pod, const std::string& data);
		/// Adds output. Ignored when the pod has no open log.

	void close(const std::string& ns, const std::string& pod);
		/// The container ended; followers reach the end of the log.

	void remove(const std::string& ns, const std::string& pod);
		/// Forgets the log (the pod was removed).

	bool get(const std::string& ns, const std::string& pod, std::string& log) const;
		/// The log so far; false when the pod has none.

	bool follow(const std::string& ns, const std::string& pod, std::size_t offset, const Poco::Timespan& timeout,
		std::string& data, bool& ended) const;
		/// Waits up to `timeout` for output after byte `offset`; `data` gets
		/// the new bytes and `ended` is true once the log is closed and
		/// everything was read. False when the pod has no log.

private:
	struct Entry
	{
		std::string text;
		bool open = true;
		bool truncated = false;
	};

	static std::string keyOf(const std::string& ns, const std::string& pod);

	mutable std::mutex _mutex;
	mutable std::condition_variable _changed;
	std::map<std::string, Entry> _logs;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_PodLogs_INCLUDED
