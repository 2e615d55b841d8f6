//
// ClusterConnectionLoaderTest.cpp
//

#include "TestFiles.h"
#include "sbomop/kube/ClusterConnectionLoader.h"
#include "sbomop/kube/KubeException.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::kube;
using sbomop::kube::test::TempDir;

namespace
{
	using Environment = ClusterConnectionLoader::Environment;

	void writeServiceAccount(const TempDir& dir, bool withNamespace = true)
	{
		dir.write("sa/token", "sa-token\n");
		dir.write("sa/ca.crt", "SA-CA-PEM");
		if (withNamespace) dir.write("sa/namespace", "operators\n");
	}

	std::string kubeconfig(const std::string& server, const std::string& ns)
	{
		return "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: " + server
			+ "\nusers:\n- name: u\n  user:\n    token: kc-token\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\n    namespace: "
			+ ns + "\n- name: second\n  context:\n    cluster: k\n    namespace: second-ns\n";
	}

	std::string inClusterError(const Environment& env, const std::string& dir)
	{
		try
		{
			ClusterConnectionLoader::inCluster(env, dir);
		}
		catch (KubeConfigException& e)
		{
			return e.message();
		}
		CPPUNIT_FAIL("no KubeConfigException");
		return "";
	}
}

class ClusterConnectionLoaderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ClusterConnectionLoaderTest);
	CPPUNIT_TEST(testInClusterReadsServiceAccountFiles);
	CPPUNIT_TEST(testInClusterBracketsIpv6Host);
	CPPUNIT_TEST(testInClusterNamespaceDefaultsWhenFileMissing);
	CPPUNIT_TEST(testInClusterRequiresBothServiceVariables);
	CPPUNIT_TEST(testInClusterReportsMissingTokenAndCa);
	CPPUNIT_TEST(testExplicitKubeconfigSettingWinsOverInCluster);
	CPPUNIT_TEST(testInClusterWinsOverDefaultKubeconfig);
	CPPUNIT_TEST(testKubeconfigVariableUsesFirstEntry);
	CPPUNIT_TEST(testFallsBackToHomeKubeconfigWithContext);
	CPPUNIT_TEST(testReportsWhenNothingIsConfigured);
	CPPUNIT_TEST_SUITE_END();

public:
	void testInClusterReadsServiceAccountFiles()
	{
		TempDir dir;
		writeServiceAccount(dir);
		const Environment env{{"KUBERNETES_SERVICE_HOST", "10.96.0.1"}, {"KUBERNETES_SERVICE_PORT", "443"}};
		CPPUNIT_ASSERT(ClusterConnectionLoader::inClusterAvailable(env));
		ClusterConnection c = ClusterConnectionLoader::inCluster(env, dir.path("sa"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://10.96.0.1:443"), c.server);
		CPPUNIT_ASSERT_EQUAL(dir.path("sa/token"), c.tokenFile);
		CPPUNIT_ASSERT_EQUAL(std::string(""), c.token);
		CPPUNIT_ASSERT_EQUAL(std::string("SA-CA-PEM"), c.certificateAuthorityData);
		CPPUNIT_ASSERT_EQUAL(dir.path("sa/ca.crt"), c.certificateAuthorityFile);
		CPPUNIT_ASSERT_EQUAL(std::string("operators"), c.defaultNamespace);
		CPPUNIT_ASSERT_EQUAL(std::string("10.96.0.1:443"), c.endpoint());
	}

	void testInClusterBracketsIpv6Host()
	{
		TempDir dir;
		writeServiceAccount(dir);
		const Environment env{{"KUBERNETES_SERVICE_HOST", "fd00:10:96::1"}, {"KUBERNETES_SERVICE_PORT", "6443"}};
		ClusterConnection c = ClusterConnectionLoader::inCluster(env, dir.path("sa"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://[fd00:10:96::1]:6443"), c.server);
		CPPUNIT_ASSERT_EQUAL(std::string("fd00:10:96::1"), c.host());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(6443), c.port());
		CPPUNIT_ASSERT_EQUAL(std::string("[fd00:10:96::1]:6443"), c.endpoint());
	}

	void testInClusterNamespaceDefaultsWhenFileMissing()
	{
		TempDir dir;
		writeServiceAccount(dir, false);
		const Environment env{{"KUBERNETES_SERVICE_HOST", "10.0.0.1"}, {"KUBERNETES_SERVICE_PORT", "443"}};
		CPPUNIT_ASSERT_EQUAL(std::string("default"), ClusterConnectionLoader::inCluster(env, dir.path("sa")).defaultNamespace);
	}

	void testInClusterRequiresBothServiceVariables()
	{
		TempDir dir;
		writeServiceAccount(dir);
		const Environment hostOnly{{"KUBERNETES_SERVICE_HOST", "10.0.0.1"}};
		CPPUNIT_ASSERT(!ClusterConnectionLoader::inClusterAvailable(hostOnly));
		CPPUNIT_ASSERT_EQUAL(std::string("in-cluster configuration: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set"),
			inClusterError(hostOnly, dir.path("sa")));
	}

	void testInClusterReportsMissingTokenAndCa()
	{
		TempDir dir;
		const Environment env{{"KUBERNETES_SERVICE_HOST", "10.0.0.1"}, {"KUBERNETES_SERVICE_PORT", "443"}};
		std::string message = inClusterError(env, dir.path("sa"));
		CPPUNIT_ASSERT(message.find("in-cluster configuration: cannot read the service account token " + dir.path("sa/token") + ": ") == 0);
		dir.write("sa/token", "t");
		message = inClusterError(env, dir.path("sa"));
		CPPUNIT_ASSERT(message.find("in-cluster configuration: cannot read the service account CA " + dir.path("sa/ca.crt") + ": ") == 0);
	}

	void testExplicitKubeconfigSettingWinsOverInCluster()
	{
		TempDir dir;
		writeServiceAccount(dir);
		const std::string config = dir.write("explicit", kubeconfig("https://explicit:6443", "x"));
		const Environment env{{"KUBERNETES_SERVICE_HOST", "10.0.0.1"}, {"KUBERNETES_SERVICE_PORT", "443"}};
		ClusterConnection c = ClusterConnectionLoader::load(config, "", env, dir.path("sa"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://explicit:6443"), c.server);
		CPPUNIT_ASSERT_EQUAL(std::string("kc-token"), c.token);
	}

	void testInClusterWinsOverDefaultKubeconfig()
	{
		TempDir dir;
		writeServiceAccount(dir);
		dir.write("home/.kube/config", kubeconfig("https://home:6443", "x"));
		const std::string envConfig = dir.write("env-config", kubeconfig("https://env:6443", "x"));
		const Environment env{{"KUBERNETES_SERVICE_HOST", "10.0.0.1"}, {"KUBERNETES_SERVICE_PORT", "443"},
			{"HOME", dir.path("home")}, {"KUBECONFIG", envConfig}};
		ClusterConnection c = ClusterConnectionLoader::load("", "", env, dir.path("sa"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://10.0.0.1:443"), c.server);
	}

	void testKubeconfigVariableUsesFirstEntry()
	{
		TempDir dir;
		const std::string first = dir.write("first", kubeconfig("https://first:6443", "one"));
		const std::string second = dir.write("second", kubeconfig("https://second:6443", "two"));
		const Environment env{{"KUBECONFIG", first + ":" + second}, {"HOME", dir.path("home")}};
		CPPUNIT_ASSERT_EQUAL(first, ClusterConnectionLoader::kubeconfigPath("", env));
		ClusterConnection c = ClusterConnectionLoader::load("", "", env, dir.path("sa"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://first:6443"), c.server);
		CPPUNIT_ASSERT_EQUAL(std::string("one"), c.defaultNamespace);
	}

	void testFallsBackToHomeKubeconfigWithContext()
	{
		TempDir dir;
		const std::string home = dir.write("home/.kube/config", kubeconfig("https://home:6443", "x"));
		const Environment env{{"HOME", dir.path("home")}};
		CPPUNIT_ASSERT_EQUAL(home, ClusterConnectionLoader::kubeconfigPath("", env));
		ClusterConnection c = ClusterConnectionLoader::load("", "second", env, dir.path("sa"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://home:6443"), c.server);
		CPPUNIT_ASSERT_EQUAL(std::string("second-ns"), c.defaultNamespace);
	}

	void testReportsWhenNothingIsConfigured()
	{
		TempDir dir;
		CPPUNIT_ASSERT_THROW(ClusterConnectionLoader::load("", "", Environment(), dir.path("sa")), KubeConfigException);
		const Environment env{{"HOME", dir.path("home")}};
		try
		{
			ClusterConnectionLoader::load("", "", env, dir.path("sa"));
			CPPUNIT_FAIL("no exception");
		}
		catch (KubeConfigException& e)
		{
			CPPUNIT_ASSERT_EQUAL("kubeconfig " + dir.path("home/.kube/config") + ": file not found", e.message());
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ClusterConnectionLoaderTest, "KubeClient");
