//
// HeapStat.cpp
//
// libbench-heapstat.so: a preload module for the soak benchmark. RSS stays
// at its high-water mark because the allocator keeps freed memory for reuse,
// so it hides a slow leak below that mark; the allocator's own figures do
// not. Loaded with LD_PRELOAD and BENCH_HEAPSTAT_FILE=<path>, it starts one
// thread that rewrites <path> every second (BENCH_HEAPSTAT_INTERVAL_MS) with
// "<in use bytes> <system bytes>" from mallinfo2(): memory handed out by
// malloc (arenas and mmapped blocks) and memory the allocator holds from the
// system. Without BENCH_HEAPSTAT_FILE it does nothing.
//

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

// Plain arrays: constant-initialised, so the constructor below may run
// before or after this file's dynamic initialisers.
char statFile[4096];
char temporaryFile[4100];
unsigned intervalMs = 1000;

void writeStats()
{
	const struct mallinfo2 info = ::mallinfo2();
	FILE* out = std::fopen(temporaryFile, "w");
	if (!out) return;
	std::fprintf(out, "%zu %zu\n", info.uordblks + info.hblkhd, info.arena + info.hblkhd);
	std::fclose(out);
	std::rename(temporaryFile, statFile);
}

void* sampleLoop(void*)
{
	for (;;)
	{
		writeStats();
		::usleep(intervalMs * 1000u);
	}
	return nullptr;
}

__attribute__((constructor)) void startSampling()
{
	const char* file = std::getenv("BENCH_HEAPSTAT_FILE");
	if (!file || !*file) return;
	std::snprintf(statFile, sizeof(statFile), "%s", file);
	std::snprintf(temporaryFile, sizeof(temporaryFile), "%s.tmp", statFile);
	if (const char* interval = std::getenv("BENCH_HEAPSTAT_INTERVAL_MS")) intervalMs = static_cast<unsigned>(std::atoi(interval));
	if (intervalMs == 0) intervalMs = 1000;
	// The thread starts before main() and would inherit an empty signal mask:
	// block every signal in it, so that SIGTERM still goes to the thread the
	// operator waits for signals in.
	sigset_t all, previous;
	sigfillset(&all);
	::pthread_sigmask(SIG_SETMASK, &all, &previous);
	pthread_t thread;
	if (::pthread_create(&thread, nullptr, sampleLoop, nullptr) == 0) ::pthread_detach(thread);
	::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

}
