//
// SyftConfigFileTest.cpp
//

#include "sbomop/registry/RegistryCredentials.h"
#include "sbomop/syft/SyftConfigFile.h"
#include "sbomop/syft/SyftException.h"
#include "syftdouble/SyftConfig.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>

using sbomop::registry::RegistryCredentials;
using sbomop::syft::SyftConfigFile;
using sbomop::syft::SyftException;
using sbomop::syftdouble::SyftConfig;

namespace
{
	// Passwords that break naive YAML writers: quotes, escapes, comment and
	// mapping indicators, flow and block syntax, YAML keywords, whitespace,
	// line breaks, control characters and non-ASCII text.
	const std::vector<std::string>& hostilePasswords()
	{
		static const std::vector<std::string> passwords = {
			"p\"w", "back\\slash\\", "colon: space", "# not a comment", "trailing #hash", "line\nbreak\r\n", "tab\there",
			"'single'", "''", "\"", "{flow: map}", "[a, b]", "&anchor *alias", "- dash", "? question", "|literal", ">folded",
			"null", "~", "true", "0x1F", "  leading and trailing  ", "%TAG", "@at`tick", "\\x41 not an escape", "\\u0041",
			"p\xC3\xA4ssw\xC3\xB6rd \xF0\x9F\x94\x91", std::string("nul\0byte", 8), "\x01\x02\x1B[31m\x7F",
			"next\xC2\x85line", "sep\xE2\x80\xA8" "arator", "bom\xEF\xBB\xBF", "---", "...", std::string(300, 'x') + "\"",
		};
		return passwords;
	}
}


class SyftConfigFileTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SyftConfigFileTest);
	CPPUNIT_TEST(testRendersBasicCredentialsForTheRegistry);
	CPPUNIT_TEST(testRendersTheTokenWhenThereIsNoPassword);
	CPPUNIT_TEST(testRendersAnEmptyAuthListWithoutCredentials);
	CPPUNIT_TEST(testHostilePasswordsRoundTripThroughYaml);
	CPPUNIT_TEST(testHostileUsernamesAndTokensRoundTrip);
	CPPUNIT_TEST(testQuotesOnlyWhatYamlRequires);
	CPPUNIT_TEST(testRejectsInvalidUtf8WithoutQuotingTheSecret);
	CPPUNIT_TEST(testDoubleReaderPicksTheMatchingAuthority);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRendersBasicCredentialsForTheRegistry()
	{
		const std::string yaml = SyftConfigFile::render("registry.example.com:5000",
			RegistryCredentials("registry.example.com:5000", "bob", "s3cret"));
		CPPUNIT_ASSERT_EQUAL(std::string(
			"# Syft configuration for one scan, written by sbom-operator and removed after the scan.\n"
			"check-for-app-update: false\n"
			"registry:\n"
			"  auth:\n"
			"    - authority: \"registry.example.com:5000\"\n"
			"      username: \"bob\"\n"
			"      password: \"s3cret\"\n"), yaml);
	}

	void testRendersTheTokenWhenThereIsNoPassword()
	{
		const std::string yaml = SyftConfigFile::render("ghcr.io", RegistryCredentials("ghcr.io", "", "", "tok\"en"));
		CPPUNIT_ASSERT(yaml.find("    - authority: \"ghcr.io\"\n      token: \"tok\\\"en\"\n") != std::string::npos);
		CPPUNIT_ASSERT(yaml.find("password") == std::string::npos);
		const SyftConfig parsed = SyftConfig::parse(yaml);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), parsed.auth().size());
		CPPUNIT_ASSERT_EQUAL(std::string("tok\"en"), parsed.auth()[0].token);
		CPPUNIT_ASSERT(!parsed.checkForAppUpdate());
	}

	void testRendersAnEmptyAuthListWithoutCredentials()
	{
		const std::string yaml = SyftConfigFile::render("docker.io", RegistryCredentials());
		CPPUNIT_ASSERT(yaml.find("registry:\n  auth: []\n") != std::string::npos);
		CPPUNIT_ASSERT(SyftConfig::parse(yaml).auth().empty());
		// A user name alone authenticates nothing.
		CPPUNIT_ASSERT(SyftConfig::parse(SyftConfigFile::render("docker.io", RegistryCredentials("docker.io", "bob", ""))).auth().empty());
	}

	void testHostilePasswordsRoundTripThroughYaml()
	{
		for (const std::string& password: hostilePasswords())
		{
			const std::string yaml = SyftConfigFile::render("127.0.0.1:5000", RegistryCredentials("127.0.0.1:5000", "user", password));
			const SyftConfig parsed = SyftConfig::parse(yaml);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(yaml, std::size_t(1), parsed.auth().size());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(yaml, password, parsed.auth()[0].password);
			CPPUNIT_ASSERT_EQUAL(std::string("user"), parsed.auth()[0].username);
			CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1:5000"), parsed.auth()[0].authority);
			// Exactly the lines of one entry: nothing leaked into the structure.
			CPPUNIT_ASSERT_EQUAL_MESSAGE(yaml, std::size_t(7), static_cast<std::size_t>(std::count(yaml.begin(), yaml.end(), '\n')));
		}
	}

	void testHostileUsernamesAndTokensRoundTrip()
	{
		for (const std::string& value: hostilePasswords())
		{
			const SyftConfig basic = SyftConfig::parse(SyftConfigFile::render("ghcr.io", RegistryCredentials("ghcr.io", value, "pw")));
			CPPUNIT_ASSERT_EQUAL(value, basic.auth().at(0).username);
			const SyftConfig token = SyftConfig::parse(SyftConfigFile::render("ghcr.io", RegistryCredentials("ghcr.io", "", "", value)));
			CPPUNIT_ASSERT_EQUAL(value, token.auth().at(0).token);
		}
	}

	void testQuotesOnlyWhatYamlRequires()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"plain\""), SyftConfigFile::quote("plain"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"a\\\"b\\\\c\""), SyftConfigFile::quote("a\"b\\c"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"\\t\\n\\r\\x01\\x7F\""), SyftConfigFile::quote("\t\n\r\x01\x7F"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"\\x85\\u2028\\uFEFF\""), SyftConfigFile::quote("\xC2\x85\xE2\x80\xA8\xEF\xBB\xBF"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"\xC3\xA4\xF0\x9F\x94\x91\""), SyftConfigFile::quote("\xC3\xA4\xF0\x9F\x94\x91"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"# : - [ ] { } & * ' ~\""), SyftConfigFile::quote("# : - [ ] { } & * ' ~"));
	}

	void testRejectsInvalidUtf8WithoutQuotingTheSecret()
	{
		for (const std::string& invalid: { std::string("secret\xFF"), std::string("secret\xC3"), std::string("\xC0\xAFsecret"),
			std::string("\xED\xA0\x80secret"), std::string("\xF4\x90\x80\x80secret") })
		{
			CPPUNIT_ASSERT_THROW(SyftConfigFile::quote(invalid), Poco::DataFormatException);
			try
			{
				SyftConfigFile::render("ghcr.io", RegistryCredentials("ghcr.io", "bob", invalid));
				CPPUNIT_FAIL("invalid UTF-8 accepted");
			}
			catch (SyftException& exc)
			{
				CPPUNIT_ASSERT_EQUAL(std::string("the password for registry ghcr.io is not valid UTF-8"), exc.message());
				CPPUNIT_ASSERT(exc.displayText().find("secret") == std::string::npos);
			}
		}
	}

	void testDoubleReaderPicksTheMatchingAuthority()
	{
		const SyftConfig config = SyftConfig::parse(
			"registry:\n"
			"  insecure-use-http: true\n"
			"  auth:\n"
			"  - username: anyone\n"
			"    password: 'it''s'   # any registry\n"
			"  - authority: docker.io\n"
			"    username: hub\n"
			"    password: \"h\\u00fcb\"\n"
			"  ca-cert: /etc/ca.pem\n");
		CPPUNIT_ASSERT(config.insecureUseHttp());
		CPPUNIT_ASSERT_EQUAL(std::string("/etc/ca.pem"), config.caCert());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), config.auth().size());
		CPPUNIT_ASSERT_EQUAL(std::string("it's"), config.auth()[0].password);
		CPPUNIT_ASSERT_EQUAL(std::string("hub"), config.credentialsFor("index.docker.io")->username);
		CPPUNIT_ASSERT_EQUAL(std::string("h\xC3\xBC" "b"), config.credentialsFor("registry-1.docker.io")->password);
		CPPUNIT_ASSERT_EQUAL(std::string("anyone"), config.credentialsFor("ghcr.io")->username);
		CPPUNIT_ASSERT_THROW(SyftConfig::parse("registry:\n  auth:\n    - password: \"open\n"), Poco::SyntaxException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SyftConfigFileTest, "Syft");
