//
// ProcessSampler.h
//
// Samples this process and its direct children from /proc while a
// benchmark runs: how many children run at once and how much memory the
// whole family holds.
//

#ifndef SBOMOP_Bench_ProcessSampler_INCLUDED
#define SBOMOP_Bench_ProcessSampler_INCLUDED

#include <atomic>
#include <cstddef>
#include <thread>

namespace sbomop {
namespace bench {

class ProcessSampler
	/// start() runs a thread that reads /proc every `intervalMilliseconds`;
	/// stop() joins it. The peaks are valid after stop(). Not copyable; use
	/// from one thread.
{
public:
	explicit ProcessSampler(int intervalMilliseconds);
	~ProcessSampler();
	ProcessSampler(const ProcessSampler&) = delete;
	ProcessSampler& operator = (const ProcessSampler&) = delete;

	void start();
	void stop();

	std::size_t peakChildren() const;
		/// Most direct children seen alive in one sample.
	std::size_t peakFamilyRssKiB() const;
		/// Largest sum of VmRSS of this process and its direct children in one sample.
	std::size_t samples() const;

	static std::size_t rssKiB(int pid, const char* field = "VmRSS:");
		/// A KiB field of /proc/<pid>/status (VmRSS, VmHWM); 0 when the process is gone.

private:
	void run();

	int _interval;
	std::atomic<bool> _running{false};
	std::thread _thread;
	std::size_t _peakChildren = 0;
	std::size_t _peakRss = 0;
	std::size_t _samples = 0;
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_ProcessSampler_INCLUDED
