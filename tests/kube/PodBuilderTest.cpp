//
// PodBuilderTest.cpp
//
// Slim pod extraction from realistic Pod JSON: docker-pullable and containerd
// image IDs, init and ephemeral statuses, pods without statuses.
//

#include "StreamTestSupport.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/PodBuilder.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::kube;
using sbomop::tests::fixture;

namespace {

PodInfo parsePod(const std::string& json)
{
	PodBuilder builder;
	SchemaHandler::parse(json, builder.schema(), builder, "pod");
	return builder.take();
}

std::string parseError(const std::string& json)
{
	try
	{
		parsePod(json);
	}
	catch (const MalformedResponseException& exc)
	{
		return exc.message();
	}
	return "<parsed>";
}

const std::string NGINX_DIGEST = "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";

} // namespace


class PodBuilderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PodBuilderTest);
	CPPUNIT_TEST(testKeepsIdentityLabelsAndAnnotations);
	CPPUNIT_TEST(testKeepsSchedulingAndPullSecrets);
	CPPUNIT_TEST(testTagsStatusesWithTheirListInDocumentOrder);
	CPPUNIT_TEST(testKeepsSpecImagesByContainerName);
	CPPUNIT_TEST(testHandlesContainerdDigestsAndEphemeralContainers);
	CPPUNIT_TEST(testSkipsEmptyPullSecretNames);
	CPPUNIT_TEST(testHandlesPodWithoutStatusesAndNulls);
	CPPUNIT_TEST(testRejectsWrongTypesWithThePath);
	CPPUNIT_TEST(testTakeLeavesTheBuilderEmpty);
	CPPUNIT_TEST(testReusedBuilderStartsEachPodAfresh);
	CPPUNIT_TEST_SUITE_END();

public:
	void testKeepsIdentityLabelsAndAnnotations()
	{
		const PodInfo pod = parsePod(fixture("pod-docker-running.json"));
		CPPUNIT_ASSERT_EQUAL(std::string("web-7d4b9c8f6d-x2x9k"), pod.name);
		CPPUNIT_ASSERT_EQUAL(std::string("shop"), pod.namespaceName);
		CPPUNIT_ASSERT_EQUAL(std::string("5f1c3a52-2a7e-4a0e-9d0c-6f1b2f0c9a11"), pod.uid);
		CPPUNIT_ASSERT_EQUAL(std::string("184467"), pod.resourceVersion);
		const std::map<std::string, std::string> labels = {
			{"app.kubernetes.io/name", "web"}, {"pod-template-hash", "7d4b9c8f6d"}, {"tier", "frontend"}};
		CPPUNIT_ASSERT(pod.labels == labels);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), pod.annotations.size());
		CPPUNIT_ASSERT_EQUAL(NGINX_DIGEST, pod.annotations.at("ckotzbauer.sbom-operator.io/nginx"));
		CPPUNIT_ASSERT_EQUAL(std::string("quotes \" and \\ backslashes, unicode \xC3\xA9\xE4\xB8\xAD and a newline\n"),
			pod.annotations.at("note"));
		CPPUNIT_ASSERT(!pod.deleting());
	}

	void testKeepsSchedulingAndPullSecrets()
	{
		const PodInfo pod = parsePod(fixture("pod-docker-running.json"));
		CPPUNIT_ASSERT_EQUAL(std::string("Running"), pod.phase);
		CPPUNIT_ASSERT_EQUAL(std::string("worker-2"), pod.nodeName);
		CPPUNIT_ASSERT((pod.imagePullSecrets == std::vector<std::string>{"regcred", "quay-robot"}));
	}

	void testTagsStatusesWithTheirListInDocumentOrder()
	{
		const PodInfo pod = parsePod(fixture("pod-docker-running.json"));
		const std::vector<ContainerStatusInfo> expected = {
			{ContainerKind::Init, "migrate", "registry.example.com:5000/shop/migrate:1.4",
				"docker-pullable://registry.example.com:5000/shop/migrate@sha256:1111111111111111111111111111111111111111111111111111111111111111"},
			{ContainerKind::Container, "metrics", "sha256:3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d",
				"docker-pullable://quay.io/prometheus/nginx-exporter@sha256:7a8c5f1b2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b"},
			{ContainerKind::Container, "nginx", "nginx:1.25", "docker-pullable://nginx@" + NGINX_DIGEST}
		};
		CPPUNIT_ASSERT_EQUAL(expected.size(), pod.containerStatuses.size());
		for (std::size_t i = 0; i < expected.size(); ++i)
		{
			CPPUNIT_ASSERT_EQUAL(expected[i].name, pod.containerStatuses[i].name);
			CPPUNIT_ASSERT_EQUAL(std::string(containerKindName(expected[i].kind)), std::string(containerKindName(pod.containerStatuses[i].kind)));
			CPPUNIT_ASSERT_EQUAL(expected[i].image, pod.containerStatuses[i].image);
			CPPUNIT_ASSERT_EQUAL(expected[i].imageID, pod.containerStatuses[i].imageID);
		}
	}

	void testKeepsSpecImagesByContainerName()
	{
		const PodInfo pod = parsePod(fixture("pod-docker-running.json"));
		const std::map<std::string, std::string> expected = {
			{"metrics", "quay.io/prometheus/nginx-exporter@sha256:7a8c5f1b2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b"},
			{"migrate", "registry.example.com:5000/shop/migrate:1.4"},
			{"nginx", "nginx:1.25"}};
		CPPUNIT_ASSERT(pod.specImages == expected);
	}

	void testHandlesContainerdDigestsAndEphemeralContainers()
	{
		const PodInfo pod = parsePod(fixture("pod-containerd-ephemeral.json"));
		CPPUNIT_ASSERT(pod.deleting());
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-02T08:00:00Z"), pod.deletionTimestamp);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), pod.containerStatuses.size());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/acme/api@sha256:2222222222222222222222222222222222222222222222222222222222222222"),
			pod.containerStatuses[0].imageID);
		// A bare "sha256:<hex>" ID has no repository: the spec image supplies it.
		const ContainerStatusInfo& sidecar = pod.containerStatuses[1];
		CPPUNIT_ASSERT_EQUAL(std::string("sidecar"), sidecar.name);
		CPPUNIT_ASSERT_EQUAL(std::string("sha256:3333333333333333333333333333333333333333333333333333333333333333"), sidecar.imageID);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/busybox:1.36"), pod.specImage(sidecar.name));
		const ContainerStatusInfo& debugger = pod.containerStatuses[2];
		CPPUNIT_ASSERT(debugger.kind == ContainerKind::Ephemeral);
		CPPUNIT_ASSERT_EQUAL(std::string("debugger-xk2p"), debugger.name);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/alpine@sha256:4444444444444444444444444444444444444444444444444444444444444444"), debugger.imageID);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/alpine:3.19"), pod.specImage("debugger-xk2p"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), pod.specImages.size());
	}

	void testSkipsEmptyPullSecretNames()
	{
		const PodInfo pod = parsePod(fixture("pod-containerd-ephemeral.json"));
		CPPUNIT_ASSERT((pod.imagePullSecrets == std::vector<std::string>{"ghcr"}));
	}

	void testHandlesPodWithoutStatusesAndNulls()
	{
		const PodInfo pod = parsePod(fixture("pod-pending.json"));
		CPPUNIT_ASSERT_EQUAL(std::string("batch-9f8e7"), pod.name);
		CPPUNIT_ASSERT_EQUAL(std::string("Pending"), pod.phase);
		CPPUNIT_ASSERT(pod.containerStatuses.empty());
		CPPUNIT_ASSERT(pod.labels.empty());
		CPPUNIT_ASSERT(pod.annotations.empty());
		CPPUNIT_ASSERT(pod.nodeName.empty());
		CPPUNIT_ASSERT_EQUAL(std::string("busybox"), pod.specImage("worker"));
		CPPUNIT_ASSERT_EQUAL(std::string(), pod.specImage("missing"));
	}

	void testRejectsWrongTypesWithThePath()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("pod: expected object of strings at metadata.labels, found number"),
			parseError("{\"metadata\":{\"labels\":5}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("pod: expected string at metadata.annotations.a, found boolean"),
			parseError("{\"metadata\":{\"annotations\":{\"a\":true}}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("pod: expected string at spec.containers[1].image, found array"),
			parseError("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"},{\"image\":[]}]}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("pod: expected array at status.containerStatuses, found object"),
			parseError("{\"status\":{\"containerStatuses\":{}}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("pod: expected object at the top level, found array"), parseError("[]"));
		CPPUNIT_ASSERT_EQUAL(std::string("pod: expected object at spec.imagePullSecrets[0], found string"),
			parseError("{\"spec\":{\"imagePullSecrets\":[\"regcred\"]}}"));
		CPPUNIT_ASSERT_THROW(parsePod("{\"metadata\":{\"name\":\"a\"}"), MalformedResponseException);
	}

	void testTakeLeavesTheBuilderEmpty()
	{
		PodBuilder builder;
		SchemaHandler::parse(fixture("pod-docker-running.json"), builder.schema(), builder, "pod");
		CPPUNIT_ASSERT_EQUAL(std::string("web-7d4b9c8f6d-x2x9k"), builder.object().name);
		const PodInfo pod = builder.take();
		CPPUNIT_ASSERT_EQUAL(std::string("web-7d4b9c8f6d-x2x9k"), pod.name);
		CPPUNIT_ASSERT(builder.object() == PodInfo());
	}

	void testReusedBuilderStartsEachPodAfresh()
	{
		PodBuilder builder;
		SchemaHandler::parse(fixture("pod-docker-running.json"), builder.schema(), builder, "pod");
		SchemaHandler::parse(fixture("pod-pending.json"), builder.schema(), builder, "pod");
		CPPUNIT_ASSERT(builder.object() == parsePod(fixture("pod-pending.json")));
		CPPUNIT_ASSERT(builder.object().imagePullSecrets.empty());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PodBuilderTest, "Kube");
