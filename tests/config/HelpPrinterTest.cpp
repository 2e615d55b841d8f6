//
// HelpPrinterTest.cpp
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/HelpPrinter.h"
#include <Poco/StringTokenizer.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using namespace sbomop::config;

namespace
{
	std::vector<std::string> linesOf(const std::string& text)
	{
		std::vector<std::string> lines;
		std::istringstream in(text);
		for (std::string line; std::getline(in, line);) lines.push_back(line);
		return lines;
	}

	// Index of the first line starting with `prefix`, or lines.size().
	std::size_t findLine(const std::vector<std::string>& lines, const std::string& prefix)
	{
		for (std::size_t i = 0; i < lines.size(); ++i)
		{
			if (lines[i].compare(0, prefix.size(), prefix) == 0) return i;
		}
		return lines.size();
	}
}


class HelpPrinterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(HelpPrinterTest);
	CPPUNIT_TEST(testHelpListsEveryKeyWithEnvironmentDefaultAndHelpLine);
	CPPUNIT_TEST(testHelpShowsExactEntries);
	CPPUNIT_TEST(testHelpGroupsKeysUnderTitlesInOrder);
	CPPUNIT_TEST(testHelpNamesTheSpecialOptions);
	CPPUNIT_TEST(testMarkdownHasOneRowPerKey);
	CPPUNIT_TEST(testMarkdownShowsExactRows);
	CPPUNIT_TEST(testMarkdownEscapesPipes);
	CPPUNIT_TEST(testSecretDefaultIsMasked);
	CPPUNIT_TEST(testPluginKeysAppearUnderTheirGroup);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_schema = BuiltinKeys::schema();
	}

	void testHelpListsEveryKeyWithEnvironmentDefaultAndHelpLine()
	{
		const std::vector<std::string> lines = linesOf(help());
		for (const KeyDefinition& key: _schema.keys())
		{
			const std::string start = "  " + (key.isEnvOnly() ? key.envName() : key.optionName());
			const std::size_t at = findLine(lines, start + (key.isEnvOnly() ? " " : ""));
			CPPUNIT_ASSERT_MESSAGE(key.name(), at + 1 < lines.size());
			const std::string defaultText = key.defaultDescription().empty() ? "none" : key.defaultDescription();
			CPPUNIT_ASSERT_MESSAGE(key.name(), lines[at].find(key.envName()) != std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(key.name(), lines[at].find("default: " + defaultText + ")") != std::string::npos);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(key.name(), "      " + key.help(), lines[at + 1]);
		}
	}

	void testHelpShowsExactEntries()
	{
		const std::vector<std::string> lines = linesOf(help());
		std::size_t at = findLine(lines, "  --job-timeout");
		CPPUNIT_ASSERT(at + 2 < lines.size());
		CPPUNIT_ASSERT_EQUAL(std::string("  --job-timeout=NUMBER  (env SBOM_JOB_TIMEOUT, default: 3600)"), lines[at]);
		CPPUNIT_ASSERT_EQUAL(std::string("      Allowed: integer from 1 to 2147483647 (seconds)"), lines[at + 2]);

		at = findLine(lines, "  --once");
		CPPUNIT_ASSERT_EQUAL(std::string("  --once[=true|false]  (env SBOM_ONCE, default: false)"), lines[at]);

		at = findLine(lines, "  --git-password");
		CPPUNIT_ASSERT_EQUAL(std::string("  --git-password=VALUE  (env SBOM_GIT_PASSWORD, secret, default: none)"), lines[at]);

		at = findLine(lines, "  SBOM_GITHUB_APP_PRIVATE_KEY");
		CPPUNIT_ASSERT_EQUAL(std::string("  SBOM_GITHUB_APP_PRIVATE_KEY  (environment only, secret, default: none)"), lines[at]);
		CPPUNIT_ASSERT_EQUAL(lines.size(), findLine(lines, "  --github-app-private-key"));

		at = findLine(lines, "  --backend");
		CPPUNIT_ASSERT_EQUAL(std::string("  --backend=VALUE  (env SBOM_BACKEND, default: jobimage when job-image is set, else syft)"), lines[at]);
	}

	void testHelpGroupsKeysUnderTitlesInOrder()
	{
		const std::vector<std::string> lines = linesOf(help());
		const std::size_t general = findLine(lines, "General:");
		const std::size_t git = findLine(lines, "Git target:");
		const std::size_t dtrack = findLine(lines, "Dependency-Track target:");
		const std::size_t oci = findLine(lines, "OCI target:");
		const std::size_t job = findLine(lines, "Job-image backend:");
		const std::size_t runtime = findLine(lines, "Runtime:");
		CPPUNIT_ASSERT(general < git && git < dtrack && dtrack < oci && oci < job && job < runtime && runtime < lines.size());
		const std::size_t repository = findLine(lines, "  --git-repository");
		CPPUNIT_ASSERT(git < repository && repository < dtrack);
		const std::size_t timeout = findLine(lines, "  --job-timeout");
		CPPUNIT_ASSERT(job < timeout && timeout < runtime);
	}

	void testHelpNamesTheSpecialOptions()
	{
		const std::string text = help();
		CPPUNIT_ASSERT(text.find("  -h, --help ") != std::string::npos);
		CPPUNIT_ASSERT(text.find("  --version ") != std::string::npos);
		CPPUNIT_ASSERT(text.find("  --config FILE ") != std::string::npos);
	}

	void testMarkdownHasOneRowPerKey()
	{
		const std::vector<std::string> lines = linesOf(markdown());
		CPPUNIT_ASSERT_EQUAL(_schema.keys().size() + 2, lines.size());
		CPPUNIT_ASSERT_EQUAL(std::string("| Option | Environment variable | Group | Allowed values | Default | Description |"), lines[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("|---|---|---|---|---|---|"), lines[1]);
		for (std::size_t i = 0; i < _schema.keys().size(); ++i)
		{
			const KeyDefinition& key = _schema.keys()[i];
			CPPUNIT_ASSERT_MESSAGE(key.name(), lines[i + 2].find("`" + key.envName() + "`") != std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(key.name(), lines[i + 2].find(key.help()) != std::string::npos);
		}
	}

	void testMarkdownShowsExactRows()
	{
		const std::vector<std::string> lines = linesOf(markdown());
		CPPUNIT_ASSERT_EQUAL(std::string("| `--job-timeout` | `SBOM_JOB_TIMEOUT` | Job-image backend | integer from 1 to 2147483647 (seconds) | `3600` | "
			"Maximum run time of the Job (activeDeadlineSeconds); Kubernetes stops it afterwards. |"),
			lines[findLine(lines, "| `--job-timeout`")]);
		CPPUNIT_ASSERT_EQUAL(std::string("| `--git-path` | `SBOM_GIT_PATH` | Git target | string |  | "
			"Folder inside the repository under which the SBOMs are stored; empty for the repository root. |"),
			lines[findLine(lines, "| `--git-path`")]);
		CPPUNIT_ASSERT_EQUAL(std::string("|  | `SBOM_GITHUB_APP_PRIVATE_KEY` | Git target | a base64-encoded PEM private key |  | "
			"Private key of that GitHub App, as base64-encoded PEM. Secret. Environment variable only. |"),
			lines[findLine(lines, "|  | `SBOM_GITHUB_APP_PRIVATE_KEY`")]);
		const std::string backend = lines[findLine(lines, "| `--backend`")];
		CPPUNIT_ASSERT(backend.find("| jobimage when job-image is set, else syft |") != std::string::npos);
	}

	void testMarkdownEscapesPipes()
	{
		_schema.add(KeyDefinition::stringKey("demo-mode", "demo", "a|b", "Either a|b or c."));
		const std::vector<std::string> lines = linesOf(markdown());
		CPPUNIT_ASSERT_EQUAL(std::string("| `--demo-mode` | `SBOM_DEMO_MODE` | demo | string | `a\\|b` | Either a\\|b or c. |"), lines.back());
	}

	void testSecretDefaultIsMasked()
	{
		_schema.add(KeyDefinition::stringKey("demo-token", "demo", "s3cr3t-default", "Token of the demo backend.").markSecret());
		CPPUNIT_ASSERT(help().find("s3cr3t-default") == std::string::npos);
		CPPUNIT_ASSERT(markdown().find("s3cr3t-default") == std::string::npos);
		CPPUNIT_ASSERT(help().find("  --demo-token=VALUE  (env SBOM_DEMO_TOKEN, secret, default: ***)") != std::string::npos);
	}

	void testPluginKeysAppearUnderTheirGroup()
	{
		_schema.addGroup("hello", "Hello backend");
		_schema.add(KeyDefinition::integerKey("hello-parallelism", "hello", 2, 1, 64, "Images greeted at the same time."));
		const std::vector<std::string> lines = linesOf(help());
		const std::size_t title = findLine(lines, "Hello backend:");
		const std::size_t key = findLine(lines, "  --hello-parallelism=NUMBER  (env SBOM_HELLO_PARALLELISM, default: 2)");
		CPPUNIT_ASSERT(findLine(lines, "Runtime:") < title);
		CPPUNIT_ASSERT(title < key && key < lines.size());
	}

private:
	std::string help() const
	{
		std::ostringstream out;
		HelpPrinter::print(out, _schema);
		return out.str();
	}

	std::string markdown() const
	{
		std::ostringstream out;
		HelpPrinter::printMarkdown(out, _schema);
		return out.str();
	}

	ConfigSchema _schema;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HelpPrinterTest, "Config");
