//
// KubeSimRbacTest.cpp
//
// kube-sim's RBAC mode (Options::rbac): service-account tokens, rules of
// Roles/ClusterRoles bound by RoleBindings/ClusterRoleBindings, and the real
// server's 403 answers; plus the types the deploy manifests need, served
// with discovery.
//

#include "SimClient.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <Poco/JSON/Array.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <string>

using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;

namespace
{
	const std::string SA = "system:serviceaccount:ops:scanner";

	Object::Ptr role(const std::string& kind, const std::string& ns, const std::string& name, const std::string& rulesJson)
	{
		const std::string meta = ns.empty() ? "{\"name\":\"" + name + "\"}" : "{\"name\":\"" + name + "\",\"namespace\":\"" + ns + "\"}";
		return Json::parseObject("{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\",\"metadata\":" + meta
			+ ",\"rules\":" + rulesJson + "}");
	}

	Object::Ptr binding(const std::string& kind, const std::string& ns, const std::string& name, const std::string& roleKind,
		const std::string& roleName, const std::string& subjectsJson)
	{
		const std::string meta = ns.empty() ? "{\"name\":\"" + name + "\"}" : "{\"name\":\"" + name + "\",\"namespace\":\"" + ns + "\"}";
		return Json::parseObject("{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\",\"metadata\":" + meta
			+ ",\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"" + roleKind + "\",\"name\":\"" + roleName + "\"},"
			+ "\"subjects\":" + subjectsJson + "}");
	}

	const std::string SCANNER = "[{\"kind\":\"ServiceAccount\",\"name\":\"scanner\",\"namespace\":\"ops\"}]";
}

class KubeSimRbacTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeSimRbacTest);
	CPPUNIT_TEST(testUnboundServiceAccountGetsTheRealServersForbidden);
	CPPUNIT_TEST(testClusterRoleBindingGrantsTheListedVerbsEverywhere);
	CPPUNIT_TEST(testRoleBindingGrantsOnlyInItsOwnNamespace);
	CPPUNIT_TEST(testRoleBindingMayReferenceAClusterRole);
	CPPUNIT_TEST(testResourceNamesAllowOnlyThoseObjects);
	CPPUNIT_TEST(testSubresourceNeedsItsOwnRule);
	CPPUNIT_TEST(testWildcardsAndGroupSubjectsGrant);
	CPPUNIT_TEST(testAdminTokenStaysAllPowerful);
	CPPUNIT_TEST(testDiscoveryIsOpenButSimAdminIsNot);
	CPPUNIT_TEST(testUnknownTokenIsUnauthorized);
	CPPUNIT_TEST(testWithoutRbacModeServiceAccountsMayDoEverything);
	CPPUNIT_TEST(testDeployTypesAreServedWithDiscovery);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		start(true);
	}

	void tearDown() override
	{
		_sa.reset();
		_admin.reset();
		if (_server) _server->stop();
		_server.reset();
	}

	void testUnboundServiceAccountGetsTheRealServersForbidden()
	{
		SimClient::Response response = _sa->get("/api/v1/pods");
		CPPUNIT_ASSERT_EQUAL(403, response.status);
		Object::Ptr status = response.json();
		CPPUNIT_ASSERT_EQUAL(std::string("Forbidden"), Json::string(status, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("pods is forbidden: User \"" + SA + "\" cannot list resource \"pods\" in API group \"\" at the cluster scope"),
			Json::string(status, "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("pods"), Json::string(Json::object(status, "details"), "kind"));
		CPPUNIT_ASSERT_EQUAL(403, _sa->get("/apis/batch/v1/namespaces/ops/jobs/j").status);
		CPPUNIT_ASSERT_EQUAL(std::string("jobs.batch \"j\" is forbidden: User \"" + SA + "\" cannot get resource \"jobs\" in API group \"batch\" in the namespace \"ops\""),
			Json::string(_sa->get("/apis/batch/v1/namespaces/ops/jobs/j").json(), "message"));
	}

	void testClusterRoleBindingGrantsTheListedVerbsEverywhere()
	{
		_server->seed(role("ClusterRole", "", "reader", "[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\",\"list\"]}]"));
		_server->seed(binding("ClusterRoleBinding", "", "reader", "ClusterRole", "reader", SCANNER));
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/api/v1/pods").status);
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/api/v1/namespaces/default/pods").status);
		CPPUNIT_ASSERT_EQUAL(404, _sa->get("/api/v1/namespaces/default/pods/missing").status);
		SimClient::Response denied = _sa->request("DELETE", "/api/v1/namespaces/default/pods/p");
		CPPUNIT_ASSERT_EQUAL(403, denied.status);
		CPPUNIT_ASSERT_EQUAL(std::string("pods \"p\" is forbidden: User \"" + SA + "\" cannot delete resource \"pods\" in API group \"\" in the namespace \"default\""),
			Json::string(denied.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(403, _sa->get("/api/v1/secrets").status);
	}

	void testRoleBindingGrantsOnlyInItsOwnNamespace()
	{
		createNamespace("ops");
		createNamespace("other");
		_server->seed(role("Role", "ops", "secrets", "[{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"get\"]}]"));
		_server->seed(binding("RoleBinding", "ops", "secrets", "Role", "secrets", SCANNER));
		CPPUNIT_ASSERT_EQUAL(404, _sa->get("/api/v1/namespaces/ops/secrets/s").status);
		SimClient::Response other = _sa->get("/api/v1/namespaces/other/secrets/s");
		CPPUNIT_ASSERT_EQUAL(403, other.status);
		CPPUNIT_ASSERT_EQUAL(std::string("secrets \"s\" is forbidden: User \"" + SA + "\" cannot get resource \"secrets\" in API group \"\" in the namespace \"other\""),
			Json::string(other.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(403, _sa->get("/api/v1/secrets").status);
	}

	void testRoleBindingMayReferenceAClusterRole()
	{
		createNamespace("ops");
		_server->seed(role("ClusterRole", "", "job-admin", "[{\"apiGroups\":[\"batch\"],\"resources\":[\"jobs\"],\"verbs\":[\"list\",\"create\"]}]"));
		_server->seed(binding("RoleBinding", "ops", "job-admin", "ClusterRole", "job-admin", SCANNER));
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/apis/batch/v1/namespaces/ops/jobs").status);
		CPPUNIT_ASSERT_EQUAL(403, _sa->get("/apis/batch/v1/jobs").status);
		CPPUNIT_ASSERT_EQUAL(403, _sa->get("/apis/batch/v1/namespaces/default/jobs").status);
	}

	void testResourceNamesAllowOnlyThoseObjects()
	{
		createNamespace("ops");
		_server->seed(role("Role", "ops", "lease", "[{\"apiGroups\":[\"coordination.k8s.io\"],\"resources\":[\"leases\"],"
			"\"resourceNames\":[\"mine\"],\"verbs\":[\"get\",\"list\"]}]"));
		_server->seed(binding("RoleBinding", "ops", "lease", "Role", "lease", SCANNER));
		CPPUNIT_ASSERT_EQUAL(404, _sa->get("/apis/coordination.k8s.io/v1/namespaces/ops/leases/mine").status);
		CPPUNIT_ASSERT_EQUAL(403, _sa->get("/apis/coordination.k8s.io/v1/namespaces/ops/leases/theirs").status);
		CPPUNIT_ASSERT_EQUAL(403, _sa->get("/apis/coordination.k8s.io/v1/namespaces/ops/leases").status);
	}

	void testSubresourceNeedsItsOwnRule()
	{
		_admin->post("/api/v1/namespaces/default/pods", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
			"\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}");
		_server->seed(role("ClusterRole", "", "patcher", "[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"patch\"]}]"));
		_server->seed(binding("ClusterRoleBinding", "", "patcher", "ClusterRole", "patcher", SCANNER));
		const std::string patch = "{\"metadata\":{\"annotations\":{\"a\":\"b\"}}}";
		CPPUNIT_ASSERT_EQUAL(200, _sa->patch("/api/v1/namespaces/default/pods/p", patch, "application/merge-patch+json").status);
		SimClient::Response status = _sa->patch("/api/v1/namespaces/default/pods/p/status", patch, "application/merge-patch+json");
		CPPUNIT_ASSERT_EQUAL(403, status.status);
		CPPUNIT_ASSERT_EQUAL(std::string("pods \"p\" is forbidden: User \"" + SA + "\" cannot patch resource \"pods/status\" in API group \"\" in the namespace \"default\""),
			Json::string(status.json(), "message"));
		_server->seed(role("ClusterRole", "", "status", "[{\"apiGroups\":[\"\"],\"resources\":[\"*/status\"],\"verbs\":[\"patch\"]}]"));
		_server->seed(binding("ClusterRoleBinding", "", "status", "ClusterRole", "status", SCANNER));
		CPPUNIT_ASSERT_EQUAL(200, _sa->patch("/api/v1/namespaces/default/pods/p/status", patch, "application/merge-patch+json").status);
	}

	void testWildcardsAndGroupSubjectsGrant()
	{
		_server->seed(role("ClusterRole", "", "all", "[{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}]"));
		_server->seed(binding("ClusterRoleBinding", "", "ops-accounts", "ClusterRole", "all",
			"[{\"kind\":\"Group\",\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\"system:serviceaccounts:ops\"}]"));
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/api/v1/secrets").status);
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/apis/batch/v1/jobs").status);
		KubeSimServer& server = *_server;
		SimClient stranger(server.port(), server.serviceAccountToken("default", "builder"), server.clientContext());
		SimClient::Response denied = stranger.get("/api/v1/secrets");
		CPPUNIT_ASSERT_EQUAL(403, denied.status);
		CPPUNIT_ASSERT_EQUAL(std::string("secrets is forbidden: User \"system:serviceaccount:default:builder\" cannot list resource \"secrets\" in API group \"\" at the cluster scope"),
			Json::string(denied.json(), "message"));
	}

	void testAdminTokenStaysAllPowerful()
	{
		CPPUNIT_ASSERT_EQUAL(200, _admin->get("/api/v1/secrets").status);
		CPPUNIT_ASSERT_EQUAL(201, _admin->post("/apis/rbac.authorization.k8s.io/v1/clusterroles",
			Json::stringify(role("ClusterRole", "", "x", "[]"))).status);
		CPPUNIT_ASSERT_EQUAL(200, _admin->get("/_sim/stats").status);
	}

	void testDiscoveryIsOpenButSimAdminIsNot()
	{
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/api").status);
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/apis/rbac.authorization.k8s.io/v1").status);
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/version").status);
		SimClient::Response stats = _sa->get("/_sim/stats");
		CPPUNIT_ASSERT_EQUAL(403, stats.status);
		CPPUNIT_ASSERT_EQUAL(std::string("forbidden: User \"" + SA + "\" cannot get path \"/_sim/stats\""), Json::string(stats.json(), "message"));
	}

	void testUnknownTokenIsUnauthorized()
	{
		SimClient unknown(_server->port(), "not-a-minted-token", _server->clientContext());
		CPPUNIT_ASSERT_EQUAL(401, unknown.get("/api/v1/pods").status);
	}

	void testWithoutRbacModeServiceAccountsMayDoEverything()
	{
		tearDown();
		start(false);
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/api/v1/secrets").status);
		CPPUNIT_ASSERT_EQUAL(200, _sa->get("/_sim/stats").status);
	}

	void testDeployTypesAreServedWithDiscovery()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("deployments"), resourceNames("/apis/apps/v1"));
		CPPUNIT_ASSERT_EQUAL(std::string("clusterrolebindings clusterroles rolebindings roles"), resourceNames("/apis/rbac.authorization.k8s.io/v1"));
		CPPUNIT_ASSERT(resourceNames("/api/v1").find("serviceaccounts") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(201, _admin->post("/api/v1/namespaces/default/serviceaccounts",
			"{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"sa\"}}").status);
		CPPUNIT_ASSERT_EQUAL(200, _admin->get("/api/v1/namespaces/default/serviceaccounts/sa").status);
		// Cluster-scoped types have no namespaced URLs.
		CPPUNIT_ASSERT_EQUAL(404, _admin->get("/apis/rbac.authorization.k8s.io/v1/namespaces/default/clusterroles").status);
	}

private:
	void start(bool rbac)
	{
		KubeSimServer::Options options;
		options.token = "admin-token";
		options.tls = true;
		options.rbac = rbac;
		options.manifestTypes = true;
		_server.reset(new KubeSimServer(options));
		_server->start();
		_admin.reset(new SimClient(*_server));
		_sa.reset(new SimClient(_server->port(), _server->serviceAccountToken("ops", "scanner"), _server->clientContext()));
	}

	void createNamespace(const std::string& name)
	{
		_admin->post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
	}

	std::string resourceNames(const std::string& path) const
	{
		Poco::JSON::Array::Ptr resources = Json::array(_admin->get(path).json(), "resources");
		std::string names;
		for (std::size_t i = 0; resources && i < resources->size(); ++i)
		{
			const std::string name = Json::string(resources->getObject(static_cast<unsigned>(i)), "name");
			if (name.find('/') != std::string::npos) continue;
			names += (names.empty() ? "" : " ") + name;
		}
		return names;
	}

	std::unique_ptr<KubeSimServer> _server;
	std::unique_ptr<SimClient> _admin;
	std::unique_ptr<SimClient> _sa;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimRbacTest, "KubeSimRbac");
