//
// KubeSimPodLogTest.cpp
//
// GET /api/v1/namespaces/{ns}/pods/{name}/log: the kept container output as
// text/plain, its parameters (container, tailLines, limitBytes, follow) and
// the kubelet's refusals (unknown container, previous, not started yet).
//

#include "SimFixture.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <thread>

using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;

namespace
{
	const std::string PODS = "/api/v1/namespaces/default/pods";
}

class KubeSimPodLogTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimPodLogTest);
	CPPUNIT_TEST(testPodLogEndpoint);
	CPPUNIT_TEST(testFollowedLogStreamsUntilTheContainerEnds);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		startSim(KubeSimServer::Options());
	}

	void testPodLogEndpoint()
	{
		_server->seed(Json::parseObject("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":["
			"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"logged\",\"namespace\":\"default\"},"
			"\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]},\"status\":{\"phase\":\"Running\"}},"
			"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"waiting\",\"namespace\":\"default\"},"
			"\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"},{\"name\":\"b\",\"image\":\"x\"}]},\"status\":{\"phase\":\"Pending\"}}]}"));
		_server->podLogs().open("default", "logged");
		_server->podLogs().append("default", "logged", "one\ntwo\nthree\n");
		_server->podLogs().close("default", "logged");
		const std::string base = PODS + "/logged/log";
		CPPUNIT_ASSERT_EQUAL(std::string("one\ntwo\nthree\n"), _client->get(base).body);
		CPPUNIT_ASSERT_EQUAL(std::string("two\nthree\n"), _client->get(base + "?container=c&tailLines=2").body);
		CPPUNIT_ASSERT_EQUAL(std::string("one\ntw"), _client->get(base + "?limitBytes=6").body);
		SimClient::Response wrong = _client->get(base + "?container=other");
		CPPUNIT_ASSERT_EQUAL(400, wrong.status);
		CPPUNIT_ASSERT_EQUAL(std::string("container other is not valid for pod logged"), Json::string(wrong.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("previous terminated container \"c\" in pod \"logged\" not found"),
			Json::string(_client->get(base + "?previous=true").json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("a container name must be specified for pod waiting, choose one of: [a b]"),
			Json::string(_client->get(PODS + "/waiting/log").json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("container \"a\" in pod \"waiting\" is waiting to start: ContainerCreating"),
			Json::string(_client->get(PODS + "/waiting/log?container=a").json(), "message"));
		CPPUNIT_ASSERT_EQUAL(404, _client->get(PODS + "/absent/log").status);
		CPPUNIT_ASSERT_EQUAL(405, _client->request("POST", base, "{}").status);
	}

	void testFollowedLogStreamsUntilTheContainerEnds()
	{
		_server->seed(Json::parseObject("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"streaming\",\"namespace\":\"default\"},"
			"\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]},\"status\":{\"phase\":\"Running\"}}"));
		sbomop::kubesim::PodLogs& logs = _server->podLogs();
		logs.open("default", "streaming");
		logs.append("default", "streaming", "first\n");
		std::thread writer([&logs]
		{
			std::this_thread::sleep_for(std::chrono::milliseconds(300));
			logs.append("default", "streaming", "second\n");
			logs.close("default", "streaming");
		});
		SimClient::Response followed = _client->get(PODS + "/streaming/log?follow=true");
		writer.join();
		CPPUNIT_ASSERT_EQUAL(200, followed.status);
		CPPUNIT_ASSERT_EQUAL(std::string("first\nsecond\n"), followed.body);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimPodLogTest, "KubeSim");
