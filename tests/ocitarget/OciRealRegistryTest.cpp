//
// OciRealRegistryTest.cpp
//
// OciTarget against Debian's docker-registry with TLS and htpasswd
// (tests/support/registry/start-registry.sh), checked with skopeo.
//

#include "OciTestSupport.h"
#include "common/Base64Text.h"
#include "sbomop/targets/SbomFormat.h"
#include "sbomop/targets/TargetSet.h"
#include "sbomop/targets/oci/OciRegistryClient.h"
#include "sbomop/targets/oci/OciSbomArtifact.h"
#include "sbomop/targets/oci/OciTarget.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <sstream>

using namespace sbomop::testing;
using sbomop::plugin::ImageTask;
using sbomop::targets::OciRegistryClient;
using sbomop::targets::OciRepository;
using sbomop::targets::OciSbomArtifact;
using sbomop::targets::OciTarget;
using sbomop::targets::SbomFormat;
using sbomop::targets::TargetSet;

namespace
{
	const std::string SCRIPTS = std::string(SBOMOP_SOURCE_DIR) + "/tests/support/registry/";
	const std::string USER = "sbom";
	const std::string PASSWORD = "real \"oci\" pass: #3";

	int run(const std::string& command, const std::vector<std::string>& args, std::string& output,
		const Poco::Process::Env& env = Poco::Process::Env())
	{
		Poco::Pipe outPipe;
		Poco::ProcessHandle handle = Poco::Process::launch(command, args, "", nullptr, &outPipe, &outPipe, env);
		Poco::PipeInputStream in(outPipe);
		output.clear();
		Poco::StreamCopier::copyToString(in, output);
		return handle.wait();
	}

	bool hasTool(const std::string& tool)
	{
		std::string output;
		return run("/bin/sh", { "-c", "command -v " + tool }, output) == 0;
	}

	// One registry for the whole suite, stopped when the runner exits.
	class Registry
	{
	public:
		Registry():
			dir(Poco::TemporaryFile::tempName())
		{
			for (const char* tool: { "docker-registry", "htpasswd", "skopeo", "openssl", "curl" })
			{
				if (!hasTool(tool)) missing += std::string(missing.empty() ? "" : ", ") + tool;
			}
			if (!missing.empty()) return;
			Poco::File(dir).createDirectories();
			std::string output;
			const Poco::Process::Env env = { { "REGISTRY_USER", USER }, { "REGISTRY_PASSWORD", PASSWORD } };
			if (run("/bin/bash", { SCRIPTS + "start-registry.sh", dir, "0" }, output, env) != 0)
			{
				throw std::runtime_error("start-registry.sh failed: " + output);
			}
			// "registry https://127.0.0.1:<port> ca=<file>"
			const std::string::size_type start = output.find("https://") + 8;
			host = output.substr(start, output.find(' ', start) - start);
			ca = dir + "/certs/ca.crt";
			authFile = dir + "/auth.json";
			Poco::FileOutputStream out(authFile);
			out << "{\"auths\":{\"" << host << "\":{\"auth\":\"" << sbomop::testcommon::base64(USER + ":" + PASSWORD) << "\"}}}\n";
			out.close();
			Poco::File(authFile).setExecutable(false);
		}

		~Registry()
		{
			if (!missing.empty()) return;
			std::string output;
			run("/bin/bash", { SCRIPTS + "stop-registry.sh", dir }, output);
			try
			{
				Poco::File(dir).remove(true);
			}
			catch (Poco::Exception&)
			{
			}
		}

		int skopeo(const std::vector<std::string>& args, std::string& output) const
		{
			// `copy` reads from the registry: its flags carry the src- prefix.
			const std::string prefix = args.front() == "copy" ? "--src-" : "--";
			std::vector<std::string> all = { args.front(), prefix + "authfile", authFile, prefix + "cert-dir", dir + "/certs.d" };
			all.insert(all.end(), args.begin() + 1, args.end());
			return run("skopeo", all, output);
		}

		std::string dir;
		std::string missing;
		std::string host;
		std::string ca;
		std::string authFile;
	};

	Registry& registry()
	{
		static Registry instance;
		return instance;
	}
}


class OciRealRegistryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OciRealRegistryTest);
	CPPUNIT_TEST(testPushedSbomIsReadableWithSkopeo);
	CPPUNIT_TEST(testWrongPasswordFailsTheImageNamingOci);
	CPPUNIT_TEST(testOrphanManifestIsDeleted);
	CPPUNIT_TEST(testUntrustedCertificateFailsUnlessVerificationIsSkipped);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		if (!available()) std::cerr << "\n  OciRealRegistryTest needs " << registry().missing << ": checking nothing\n";
	}

	void testPushedSbomIsReadableWithSkopeo()
	{
		if (!available()) return;
		ContextHolder holder(values(PASSWORD, true));
		OciTarget target;
		target.initialise(holder.context());
		const ImageTask image = imageTask("library/nginx", "5a7b");
		const std::string document = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[]}";
		const auto result = target.store(image, document, SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		const std::string tag = OciSbomArtifact::tagFor(image.digest);
		const std::string reference = "docker://" + registry().host + "/sboms/app:" + tag;
		CPPUNIT_ASSERT_EQUAL("oci:" + registry().host + "/sboms/app:" + tag, result.location);

		std::string raw;
		const int inspected = registry().skopeo({ "inspect", "--raw", reference }, raw);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(raw, 0, inspected);
		const OciSbomArtifact expected(document, "application/vnd.cyclonedx+json", image.imageId);
		CPPUNIT_ASSERT_EQUAL(expected.manifest(), raw);
		Poco::JSON::Parser parser;
		const Poco::JSON::Object::Ptr manifest = parser.parse(raw).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.cyclonedx+json"),
			manifest->getArray("layers")->getObject(0)->getValue<std::string>("mediaType"));

		// The layer as skopeo copies it out of the registry.
		const std::string copyDir = registry().dir + "/copy";
		std::string output;
		const int copied = registry().skopeo({ "copy", reference, "dir:" + copyDir }, output);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 0, copied);
		Poco::FileInputStream layer(copyDir + "/" + expected.layerDigest().substr(7));
		std::string content;
		Poco::StreamCopier::copyToString(layer, content);
		CPPUNIT_ASSERT_EQUAL(document, content);
	}

	void testWrongPasswordFailsTheImageNamingOci()
	{
		if (!available()) return;
		ContextHolder holder(values("wrong-pa55word", true));
		TargetSet targets;
		targets.add(std::unique_ptr<OciTarget>(new OciTarget));
		targets.initialise(holder.context());
		const auto result = targets.store(imageTask("library/nginx", "77"), "doc", SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!result.succeeded);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.compare(0, 5, "oci: ") == 0);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find(registry().host + "/sboms/app") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("401") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.message.find("401 Unauthorized") != std::string::npos);
		CPPUNIT_ASSERT(result.message.find("wrong-pa55word") == std::string::npos);
	}

	void testOrphanManifestIsDeleted()
	{
		if (!available()) return;
		ContextHolder holder(values(PASSWORD, true));
		OciTarget target;
		target.initialise(holder.context());
		const ImageTask orphan = imageTask("team/old", "0d1e");
		const ImageTask running = imageTask("team/new", "2f3a");
		CPPUNIT_ASSERT(target.store(orphan, "old sbom", SbomFormat::forName("spdx")).stored);
		CPPUNIT_ASSERT(target.store(running, "new sbom", SbomFormat::forName("spdx")).stored);
		CPPUNIT_ASSERT(contains(target.storedImages(), orphan.imageId));

		const auto results = target.remove({ orphan.imageId });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), results.size());
		CPPUNIT_ASSERT_MESSAGE(results[0].message, results[0].succeeded);
		std::string output;
		CPPUNIT_ASSERT(registry().skopeo({ "inspect", "--raw", "docker://" + registry().host + "/sboms/app:"
			+ OciSbomArtifact::tagFor(orphan.digest) }, output) != 0);
		CPPUNIT_ASSERT_MESSAGE(output, output.find("manifest unknown") != std::string::npos);
		const auto stored = target.storedImages();
		CPPUNIT_ASSERT(!contains(stored, orphan.imageId));
		CPPUNIT_ASSERT(contains(stored, running.imageId));
	}

	void testUntrustedCertificateFailsUnlessVerificationIsSkipped()
	{
		if (!available()) return;
		ContextHolder verified(values(PASSWORD, false));
		OciTarget strict;
		strict.initialise(verified.context());
		const auto failed = strict.store(imageTask("library/nginx", "88"), "doc", SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!failed.stored);
		CPPUNIT_ASSERT_MESSAGE(failed.message, failed.message.find("cannot reach HEAD https://" + registry().host) != std::string::npos);

		std::map<std::string, std::string> insecure = values(PASSWORD, false);
		insecure["oci-insecure-skip-tls-verify"] = "true";
		ContextHolder skipping(insecure);
		OciTarget lax;
		lax.initialise(skipping.context());
		const auto stored = lax.store(imageTask("library/nginx", "88"), "doc", SbomFormat::forName("json"));
		CPPUNIT_ASSERT_MESSAGE(stored.message, stored.stored);
	}

private:
	static bool available()
	{
		return registry().missing.empty();
	}

	static bool contains(const std::vector<sbomop::plugin::StoredImage>& images, const std::string& imageId)
	{
		for (const auto& image: images)
		{
			if (image.imageId == imageId) return true;
		}
		return false;
	}

	static std::map<std::string, std::string> values(const std::string& password, bool withCa)
	{
		std::map<std::string, std::string> result = { { "oci-registry", registry().host + "/sboms/app" },
			{ "oci-user", USER }, { "oci-token", password } };
		if (withCa) result["oci-ca-cert-file"] = registry().ca;
		return result;
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OciRealRegistryTest, "OciTarget");
