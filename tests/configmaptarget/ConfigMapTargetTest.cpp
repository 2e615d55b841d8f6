//
// ConfigMapTargetTest.cpp
//
// ConfigMapTarget against the in-process kube-sim, which validates every
// write against the Kubernetes v1.28 OpenAPI schemas when they are present.
//

#include "kubesim/KubeSimServer.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/targets/SbomFormat.h"
#include "sbomop/targets/TargetSet.h"
#include "sbomop/targets/configmap/BrotliCodec.h"
#include "sbomop/targets/configmap/ConfigMapNaming.h"
#include "sbomop/targets/configmap/ConfigMapTarget.h"
#include <Poco/AutoPtr.h>
#include <Poco/Base64Decoder.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

using Poco::JSON::Object;
using sbomop::kube::ResourceType;
using sbomop::plugin::ContainerRef;
using sbomop::plugin::ImageTask;
using sbomop::targets::BrotliCodec;
using sbomop::targets::ConfigMapNaming;
using sbomop::targets::ConfigMapTarget;
using sbomop::targets::SbomFormat;

namespace
{
	std::string openApiDir()
	{
		// The project's copy of the v1.28 OpenAPI v3 schemas.
		return SBOMOP_SOURCE_DIR "/tests/fixtures/openapi";
	}

	bool haveOpenApi()
	{
		return Poco::File(openApiDir() + "/api__v1_openapi.json").exists();
	}

	ImageTask image(const std::string& name, const std::vector<std::vector<std::string>>& containers)
	{
		ImageTask task;
		task.digest = "sha256:" + std::string(64, name.at(0) == 'a' ? 'a' : 'b');
		task.imageId = "docker.io/library/" + name + "@" + task.digest;
		task.originalReference = "docker.io/library/" + name + ":1.0";
		task.pullReference = task.imageId;
		for (const auto& fields: containers)
		{
			ContainerRef container;
			container.namespaceName = fields.at(0);
			container.podName = fields.at(1);
			container.containerName = fields.at(2);
			container.kind = "container";
			task.containers.push_back(container);
		}
		return task;
	}

	std::string decode(const std::string& base64)
	{
		std::istringstream in(base64);
		Poco::Base64Decoder decoder(in);
		std::string raw;
		Poco::StreamCopier::copyToString(decoder, raw);
		return raw;
	}

	// Bytes that do not compress (a linear congruential generator).
	std::string incompressible(std::size_t size)
	{
		std::string data(size, '\0');
		Poco::UInt32 state = 12345;
		for (char& c: data)
		{
			state = state * 1103515245u + 12345u;
			c = static_cast<char>(state >> 24);
		}
		return data;
	}
}


class ConfigMapTargetTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigMapTargetTest);
	CPPUNIT_TEST(testCreatesOneConfigMapPerContainer);
	CPPUNIT_TEST(testUpdatesTheConfigMapOnTheNextStore);
	CPPUNIT_TEST(testLeavesAForeignConfigMapAlone);
	CPPUNIT_TEST(testTooLargeSbomIsAClearPerImageError);
	CPPUNIT_TEST(testRemovesTheConfigMapsOfOrphansOnly);
	CPPUNIT_TEST(testStoredImagesPageThroughAllNamespaces);
	CPPUNIT_TEST(testWrittenObjectPassesStrictValidation);
	CPPUNIT_TEST(testInitialiseNeedsAKubernetesClient);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		sbomop::kubesim::KubeSimServer::Options options;
		options.namespaces = { "default", "team-a", "kube-system" };
		if (haveOpenApi()) options.openApiDir = openApiDir();
		else std::cerr << "\n  notice: " << openApiDir() << " not found; kube-sim does not validate fields\n";
		_server.reset(new sbomop::kubesim::KubeSimServer(options));
		_server->start();
		sbomop::kube::ClusterConnection connection;
		connection.server = _server->url();
		connection.defaultNamespace = "default";
		connection.source = "test";
		sbomop::kube::KubeClientSettings settings;
		settings.qps = 0;
		settings.backoffBase = Poco::Timespan(1000);
		settings.backoffCap = Poco::Timespan(10000);
		_client.reset(new sbomop::kube::KubeClient(connection, settings));
		_config = new Poco::Util::MapConfiguration;
		_context.reset(new sbomop::plugin::BackendContext(*_config, Poco::Logger::get("sbomop.test.configmap"), _metrics,
			_client.get(), "sbom-system", "test-cluster", _shutdown));
		_target.reset(new ConfigMapTarget);
		_target->validate(*_config);
		_target->initialise(*_context);
	}

	void tearDown()
	{
		_target.reset();
		_context.reset();
		_client.reset();
		_server->stop();
		_server.reset();
	}

	void testCreatesOneConfigMapPerContainer()
	{
		const std::string document = sbom("alpine", 400);
		const ImageTask task = image("alpine", { { "default", "web-1", "app" }, { "team-a", "job-7", "main" }, { "default", "web-1", "app" } });
		const auto result = _target->store(task, document, SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		CPPUNIT_ASSERT_EQUAL(std::string("configmap:default/web-1-app, team-a/job-7-main"), result.location);
		for (const auto& where: std::vector<std::pair<std::string, std::string>>{ { "default", "web-1-app" }, { "team-a", "job-7-main" } })
		{
			const Object::Ptr configMap = _client->get(ResourceType::CONFIGMAPS, where.first, where.second);
			const Object::Ptr metadata = configMap->getObject("metadata");
			CPPUNIT_ASSERT_EQUAL(std::string("true"), metadata->getObject("labels")->getValue<std::string>("ckotzbauer.sbom-operator.io"));
			CPPUNIT_ASSERT_EQUAL(task.imageId, metadata->getObject("annotations")->getValue<std::string>("ckotzbauer.sbom-operator.io/image-id"));
			const std::string stored = decode(configMap->getObject("binaryData")->getValue<std::string>("sbom"));
			CPPUNIT_ASSERT(stored.size() < document.size());
			CPPUNIT_ASSERT(BrotliCodec::decompress(stored) == document);
			CPPUNIT_ASSERT(!configMap->has("data"));
		}
	}

	void testUpdatesTheConfigMapOnTheNextStore()
	{
		const ImageTask first = image("alpine", { { "default", "web-1", "app" } });
		CPPUNIT_ASSERT(_target->store(first, sbom("alpine", 10), SbomFormat::forName("json")).stored);
		const Object::Ptr before = _client->get(ResourceType::CONFIGMAPS, "default", "web-1-app");
		// A label someone else added survives the update.
		_client->patch(ResourceType::CONFIGMAPS, "default", "web-1-app", sbomop::kube::PatchType::Merge,
			"{\"metadata\":{\"labels\":{\"team\":\"a\"}}}");

		const ImageTask second = image("busybox", { { "default", "web-1", "app" } });
		const std::string document = sbom("busybox", 20);
		const auto result = _target->store(second, document, SbomFormat::forName("json"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		const Object::Ptr after = _client->get(ResourceType::CONFIGMAPS, "default", "web-1-app");
		CPPUNIT_ASSERT(before->getObject("metadata")->getValue<std::string>("resourceVersion")
			!= after->getObject("metadata")->getValue<std::string>("resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(second.imageId, after->getObject("metadata")->getObject("annotations")->getValue<std::string>(
			"ckotzbauer.sbom-operator.io/image-id"));
		CPPUNIT_ASSERT_EQUAL(std::string("a"), after->getObject("metadata")->getObject("labels")->getValue<std::string>("team"));
		CPPUNIT_ASSERT(BrotliCodec::decompress(decode(after->getObject("binaryData")->getValue<std::string>("sbom"))) == document);
	}

	void testLeavesAForeignConfigMapAlone()
	{
		Object::Ptr foreign = new Object;
		foreign->set("apiVersion", "v1");
		foreign->set("kind", "ConfigMap");
		Object::Ptr metadata = new Object;
		metadata->set("name", "web-1-app");
		foreign->set("metadata", metadata);
		Object::Ptr data = new Object;
		data->set("settings", "keep me");
		foreign->set("data", data);
		_client->create(ResourceType::CONFIGMAPS, "default", foreign);

		const auto result = _target->store(image("alpine", { { "default", "web-1", "app" } }), "doc", SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!result.stored);
		CPPUNIT_ASSERT_EQUAL(std::string("ConfigMap default/web-1-app: exists without the label ckotzbauer.sbom-operator.io=true "
			"and is not overwritten"), result.message);
		const Object::Ptr after = _client->get(ResourceType::CONFIGMAPS, "default", "web-1-app");
		CPPUNIT_ASSERT_EQUAL(std::string("keep me"), after->getObject("data")->getValue<std::string>("settings"));
		CPPUNIT_ASSERT(!after->has("binaryData"));
	}

	void testTooLargeSbomIsAClearPerImageError()
	{
		const std::string document = incompressible(1100 * 1024);
		const std::size_t compressed = BrotliCodec::compress(document).size();
		CPPUNIT_ASSERT(compressed > ConfigMapTarget::MAX_DATA_SIZE);
		sbomop::targets::TargetSet targets;
		targets.add(std::unique_ptr<ConfigMapTarget>(new ConfigMapTarget));
		targets.initialise(*_context);
		const ImageTask task = image("alpine", { { "default", "big", "app" } });
		const auto result = targets.store(task, document, SbomFormat::forName("json"));
		CPPUNIT_ASSERT(!result.succeeded);
		CPPUNIT_ASSERT_EQUAL("configmap: the SBOM of " + std::to_string(document.size()) + " bytes compresses to "
			+ std::to_string(compressed) + " bytes, over the 1048576-byte limit of a ConfigMap", result.message);
		CPPUNIT_ASSERT_THROW(_client->get(ResourceType::CONFIGMAPS, "default", "big-app"), sbomop::kube::NotFoundException);
		// Just under the limit once compressed is fine.
		const auto fits = _target->store(task, incompressible(1000 * 1024), SbomFormat::forName("json"));
		CPPUNIT_ASSERT_MESSAGE(fits.message, fits.stored);
	}

	void testRemovesTheConfigMapsOfOrphansOnly()
	{
		const ImageTask orphan = image("alpine", { { "default", "old-1", "app" }, { "team-a", "old-2", "app" } });
		const ImageTask running = image("busybox", { { "team-a", "new-1", "app" } });
		CPPUNIT_ASSERT(_target->store(orphan, "old", SbomFormat::forName("json")).stored);
		CPPUNIT_ASSERT(_target->store(running, "new", SbomFormat::forName("json")).stored);

		auto stored = _target->storedImages();
		std::sort(stored.begin(), stored.end(), [](const auto& a, const auto& b) { return a.imageId < b.imageId; });
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), stored.size());
		CPPUNIT_ASSERT_EQUAL(orphan.imageId, stored[0].imageId);
		CPPUNIT_ASSERT_EQUAL(running.imageId, stored[1].imageId);
		CPPUNIT_ASSERT_EQUAL(std::string("configmap:team-a/new-1-app"), stored[1].location);

		const auto results = _target->remove({ orphan.imageId, "docker.io/library/never@sha256:" + std::string(64, 'c') });
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), results.size());
		for (const auto& result: results) CPPUNIT_ASSERT_MESSAGE(result.message, result.succeeded);
		CPPUNIT_ASSERT_THROW(_client->get(ResourceType::CONFIGMAPS, "default", "old-1-app"), sbomop::kube::NotFoundException);
		CPPUNIT_ASSERT_THROW(_client->get(ResourceType::CONFIGMAPS, "team-a", "old-2-app"), sbomop::kube::NotFoundException);
		CPPUNIT_ASSERT_NO_THROW(_client->get(ResourceType::CONFIGMAPS, "team-a", "new-1-app"));
		stored = _target->storedImages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), stored.size());
		CPPUNIT_ASSERT_EQUAL(running.imageId, stored[0].imageId);
	}

	void testStoredImagesPageThroughAllNamespaces()
	{
		const int count = ConfigMapTarget::LIST_PAGE_SIZE + 37;
		Object::Ptr list = new Object;
		list->set("apiVersion", "v1");
		list->set("kind", "List");
		Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
		for (int i = 0; i < count; ++i)
		{
			items->add(ConfigMapTarget::buildConfigMap(i % 2 ? "default" : "team-a", "cm-" + std::to_string(i),
				"registry.example/app@sha256:" + std::to_string(100000 + i), "x"));
		}
		// Unlabelled ConfigMaps are not ours.
		Object::Ptr plain = ConfigMapTarget::buildConfigMap("default", "plain", "ignored", "x");
		plain->getObject("metadata")->remove("labels");
		items->add(plain);
		list->set("items", items);
		_server->seed(list);
		CPPUNIT_ASSERT_EQUAL(std::size_t(count), _target->storedImages().size());
	}

	void testWrittenObjectPassesStrictValidation()
	{
		if (!haveOpenApi())
		{
			std::cerr << "\n  notice: no OpenAPI documents: strict validation not checked\n";
			return;
		}
		const Object::Ptr configMap = ConfigMapTarget::buildConfigMap("default", ConfigMapNaming::nameFor("p", "c"),
			"docker.io/library/alpine@sha256:" + std::string(64, 'a'), BrotliCodec::compress("sbom"));
		CPPUNIT_ASSERT_EQUAL(201, postStrict(configMap));
		// The check can fail: a misspelt field is refused.
		Object::Ptr wrong = ConfigMapTarget::buildConfigMap("default", "wrong", "id", "x");
		wrong->set("binaryDatas", wrong->getObject("binaryData"));
		CPPUNIT_ASSERT_EQUAL(400, postStrict(wrong));
	}

	void testInitialiseNeedsAKubernetesClient()
	{
		sbomop::plugin::BackendContext noCluster(*_config, Poco::Logger::get("sbomop.test.configmap"), _metrics, nullptr,
			"sbom-system", "test-cluster", _shutdown);
		ConfigMapTarget target;
		CPPUNIT_ASSERT_EQUAL(std::string("configmap"), target.name());
		CPPUNIT_ASSERT_THROW(target.initialise(noCluster), Poco::IllegalStateException);
	}

private:
	static std::string sbom(const std::string& name, int components)
	{
		std::string document = "{\"bomFormat\":\"CycloneDX\",\"metadata\":{\"component\":{\"name\":\"" + name + "\"}},\"components\":[";
		for (int i = 0; i < components; ++i)
		{
			document += std::string(i ? "," : "") + "{\"type\":\"library\",\"name\":\"lib" + std::to_string(i) + "\",\"version\":\"1.0\"}";
		}
		return document + "]}";
	}

	int postStrict(const Object::Ptr& object)
	{
		std::ostringstream body;
		object->stringify(body);
		Poco::Net::HTTPClientSession session("127.0.0.1", _server->port());
		Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/namespaces/default/configmaps?fieldValidation=Strict",
			Poco::Net::HTTPMessage::HTTP_1_1);
		request.setContentType("application/json");
		request.setContentLength(static_cast<std::streamsize>(body.str().size()));
		session.sendRequest(request) << body.str();
		Poco::Net::HTTPResponse response;
		std::string answer;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
		return static_cast<int>(response.getStatus());
	}

	std::unique_ptr<sbomop::kubesim::KubeSimServer> _server;
	std::unique_ptr<sbomop::kube::KubeClient> _client;
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
	sbomop::http::MetricsRegistry _metrics;
	sbomop::StopToken _shutdown;
	std::unique_ptr<sbomop::plugin::BackendContext> _context;
	std::unique_ptr<ConfigMapTarget> _target;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigMapTargetTest, "ConfigMapTarget");
