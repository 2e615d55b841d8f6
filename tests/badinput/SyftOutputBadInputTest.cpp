//
// SyftOutputBadInputTest.cpp
//
// Bad Syft output: the runner starts a stand-in `syft` that writes the
// requested output file per SYFT_FAKE_OUTPUT (empty, binary, truncated,
// blank, missing, failing), and classifies each as a FAILED scan with an
// exact message, no document and no leftover workspace.
//

#include "BadInputTable.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/plugin/BackendTypes.h"
#include "sbomop/syft/ScanResult.h"
#include "sbomop/syft/SyftRunner.h"
#include "sbomop/targets/SbomFormat.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <vector>

using sbomop::StopToken;
using sbomop::syft::ScanResult;
using sbomop::syft::SyftRunner;
using sbomop::targets::SbomFormat;

namespace {

// Writes the file named by `-o <format>=<file>` according to SYFT_FAKE_OUTPUT.
const char* const FAKE_SYFT =
	"#!/bin/sh\n"
	"out=\n"
	"while [ $# -gt 0 ]; do\n"
	"  if [ \"$1\" = -o ]; then out=\"${2#*=}\"; shift; fi\n"
	"  shift\n"
	"done\n"
	"case \"$SYFT_FAKE_OUTPUT\" in\n"
	"  empty) : > \"$out\" ;;\n"
	"  binary) printf '\\211PNG\\r\\n\\032\\n\\000\\001\\002' > \"$out\" ;;\n"
	"  truncated) printf '{\"bomFormat\":\"CycloneDX\",\"components\":[{\"name\":\"a\"' > \"$out\" ;;\n"
	"  blank) printf '  \\n\\t\\n' > \"$out\" ;;\n"
	"  xml) printf '<bom/>' > \"$out\" ;;\n"
	"  missing) ;;\n"
	"  fail) echo 'could not fetch image: 404 Not Found' >&2; exit 1 ;;\n"
	"  silent-fail) exit 3 ;;\n"
	"  good) printf '{\"bomFormat\":\"CycloneDX\"}\\n' > \"$out\" ;;\n"
	"esac\n";


struct OutputRow
{
	const char* mode;
	ScanResult::Status status;
	std::string message;
};

} // namespace


class SyftOutputBadInputTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SyftOutputBadInputTest);
	CPPUNIT_TEST(testClassifiesEveryBadOutputAsAFailedScan);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_dir = Poco::TemporaryFile::tempName();
		Poco::File(_dir + "/work").createDirectories();
		_syft = _dir + "/syft";
		{
			Poco::FileOutputStream out(_syft);
			out << FAKE_SYFT;
		}
		Poco::File(_syft).setExecutable(true);
	}

	void tearDown()
	{
		Poco::File(_dir).remove(true);
	}

	void testClassifiesEveryBadOutputAsAFailedScan()
	{
		const std::string reference = "ghcr.io/org/app@sha256:" + std::string(64, 'c');
		const std::vector<OutputRow> rows = {
			{"empty", ScanResult::FAILED, "Syft wrote an empty SBOM for " + reference},
			{"binary", ScanResult::FAILED, "Syft wrote output for " + reference + " that is not a cyclonedx-json document"},
			{"truncated", ScanResult::FAILED, "Syft wrote output for " + reference + " that is not a cyclonedx-json document"},
			{"blank", ScanResult::FAILED, "Syft wrote output for " + reference + " that is not a cyclonedx-json document"},
			{"xml", ScanResult::FAILED, "Syft wrote output for " + reference + " that is not a cyclonedx-json document"},
			{"missing", ScanResult::FAILED, "Syft exited successfully but wrote no SBOM for " + reference},
			{"fail", ScanResult::FAILED, "Syft failed to scan " + reference + " (exit code 1): could not fetch image: 404 Not Found"},
			{"silent-fail", ScanResult::FAILED, "Syft failed to scan " + reference + " (exit code 3) without a message"},
			{"good", ScanResult::SUCCEEDED, ""},
		};
		sbomop::plugin::ImageTask task;
		task.imageId = reference;
		task.pullReference = reference;
		task.digest = "sha256:" + std::string(64, 'c');
		const StopToken cancel;
		for (const OutputRow& row: rows)
		{
			const ScanResult result = runner(row.mode).scan(task, cancel);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.mode, row.message, result.message);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.mode, ScanResult::statusName(row.status), ScanResult::statusName(result.status));
			// A failed scan carries no document; the good one carries Syft's.
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.mode, std::string(row.status == ScanResult::SUCCEEDED ? "{\"bomFormat\":\"CycloneDX\"}\n" : ""), result.document);
			// Nothing is left behind in the work root, whatever the outcome.
			std::vector<std::string> left;
			Poco::File(_dir + "/work").list(left);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.mode, std::size_t(0), left.size());
		}
	}

private:
	SyftRunner runner(const std::string& mode) const
	{
		SyftRunner::Options options;
		options.executable = _syft;
		options.workRoot = _dir + "/work";
		options.timeout = Poco::Timespan(60, 0);
		options.environment = {{"PATH", "/usr/bin:/bin"}, {"SYFT_FAKE_OUTPUT", mode}};
		return SyftRunner(options, SbomFormat::forName("cyclonedxjson"), "");
	}

	std::string _dir;
	std::string _syft;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SyftOutputBadInputTest, "BadInput");
