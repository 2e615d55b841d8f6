//
// main.cpp
//
// bench-cycle-report: summarises one `sbom-operator --once` run.
//
//   bench-cycle-report --stats FILE [--log FILE] [--batches FILE]
//
// Prints "key=value" lines (see CycleReport::print()). Without a log the
// cycle figures are -1; a missing batches file means the backend was not
// called. Exit code 1 when a file cannot be
// read or parsed.
//

#include "CycleReport.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
	std::string log, stats, batches;
	for (int i = 1; i + 1 < argc; i += 2)
	{
		const std::string name = argv[i];
		if (name == "--log") log = argv[i + 1];
		else if (name == "--stats") stats = argv[i + 1];
		else if (name == "--batches") batches = argv[i + 1];
		else
		{
			std::cerr << "bench-cycle-report: unknown option " << name << std::endl;
			return 2;
		}
	}
	if (stats.empty() || argc % 2 == 0)
	{
		std::cerr << "usage: bench-cycle-report --stats FILE [--log FILE] [--batches FILE]" << std::endl;
		return 2;
	}
	try
	{
		sbomop::bench::CycleReport report;
		if (!log.empty())
		{
			Poco::FileInputStream logStream(log);
			report.readLog(logStream);
		}
		Poco::FileInputStream statsStream(stats);
		report.readStats(statsStream);
		if (!batches.empty() && Poco::File(batches).exists())
		{
			Poco::FileInputStream batchStream(batches);
			report.readBatches(batchStream);
		}
		report.print(std::cout);
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-cycle-report: " << e.displayText() << std::endl;
		return 1;
	}
	return 0;
}
