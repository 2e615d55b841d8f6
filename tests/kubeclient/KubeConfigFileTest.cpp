//
// KubeConfigFileTest.cpp
//

#include "TestFiles.h"
#include "common/Base64Text.h"
#include "sbomop/kube/KubeConfigFile.h"
#include "sbomop/kube/KubeException.h"
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using namespace sbomop::kube;
using sbomop::kube::test::TempDir;

namespace
{
	using sbomop::testcommon::base64;

	std::string kubeconfig(const std::string& cluster, const std::string& user, const std::string& contextExtra = "",
		const std::string& current = "current-context: dev\n")
	{
		return "apiVersion: v1\nkind: Config\n" + current
			+ "clusters:\n- name: dev-cluster\n  cluster:\n" + cluster
			+ "users:\n- name: dev-user\n  user:\n" + user
			+ "contexts:\n- name: dev\n  context:\n    cluster: dev-cluster\n    user: dev-user\n" + contextExtra
			+ "- name: other\n  context:\n    cluster: dev-cluster\n    namespace: other-ns\n";
	}

	const std::string SERVER = "    server: https://127.0.0.1:6443\n";

	std::string loadError(const std::string& path, const std::string& context = "")
	{
		try
		{
			KubeConfigFile::load(path, context);
		}
		catch (KubeConfigException& e)
		{
			return e.message();
		}
		CPPUNIT_FAIL("no KubeConfigException");
		return "";
	}
}

class KubeConfigFileTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeConfigFileTest);
	CPPUNIT_TEST(testLoadsTokenUserAndContextNamespace);
	CPPUNIT_TEST(testNamespaceDefaultsToDefault);
	CPPUNIT_TEST(testSelectsExplicitContextOverCurrentContext);
	CPPUNIT_TEST(testResolvesRelativeCertificateAuthorityPath);
	CPPUNIT_TEST(testDecodesCertificateAuthorityAndClientCertificateData);
	CPPUNIT_TEST(testDataWinsOverFileReference);
	CPPUNIT_TEST(testResolvesRelativeClientCertificateFiles);
	CPPUNIT_TEST(testTokenFileIsResolvedAndChecked);
	CPPUNIT_TEST(testInsecureSkipTlsVerifyAndTlsServerName);
	CPPUNIT_TEST(testBasicAuthUser);
	CPPUNIT_TEST(testReadsJsonKubeconfig);
	CPPUNIT_TEST(testRejectsExecCredentialPlugin);
	CPPUNIT_TEST(testRejectsAuthProvider);
	CPPUNIT_TEST(testReportsMissingFile);
	CPPUNIT_TEST(testReportsYamlSyntaxErrorWithLine);
	CPPUNIT_TEST(testReportsMissingCurrentContext);
	CPPUNIT_TEST(testReportsUnknownContextClusterAndUser);
	CPPUNIT_TEST(testReportsUnreadableCertificateAuthority);
	CPPUNIT_TEST(testReportsInvalidBase64);
	CPPUNIT_TEST(testReportsMissingServerAndBadUrl);
	CPPUNIT_TEST(testReportsWrongFieldTypes);
	CPPUNIT_TEST(testRejectsCaTogetherWithInsecure);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLoadsTokenUserAndContextNamespace()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER, "    token: abc.def\n", "    namespace: team-a\n"));
		ClusterConnection c = KubeConfigFile::load(path);
		CPPUNIT_ASSERT_EQUAL(std::string("https://127.0.0.1:6443"), c.server);
		CPPUNIT_ASSERT_EQUAL(std::string("abc.def"), c.token);
		CPPUNIT_ASSERT_EQUAL(std::string("team-a"), c.defaultNamespace);
		CPPUNIT_ASSERT_EQUAL(std::string("kubeconfig " + path + ", context 'dev'"), c.source);
		CPPUNIT_ASSERT_EQUAL(std::string(""), c.certificateAuthorityData);
		CPPUNIT_ASSERT(!c.insecureSkipTlsVerify);
		CPPUNIT_ASSERT_EQUAL(std::string("token"), c.authKind());
		CPPUNIT_ASSERT(c.describe().find("abc.def") == std::string::npos);
	}

	void testNamespaceDefaultsToDefault()
	{
		TempDir dir;
		ClusterConnection c = KubeConfigFile::load(dir.write("config", kubeconfig(SERVER, "    token: t\n")));
		CPPUNIT_ASSERT_EQUAL(std::string("default"), c.defaultNamespace);
	}

	void testSelectsExplicitContextOverCurrentContext()
	{
		TempDir dir;
		ClusterConnection c = KubeConfigFile::load(dir.write("config", kubeconfig(SERVER, "    token: t\n")), "other");
		CPPUNIT_ASSERT_EQUAL(std::string("other-ns"), c.defaultNamespace);
		CPPUNIT_ASSERT_EQUAL(std::string(""), c.token);  // context "other" has no user
		CPPUNIT_ASSERT_EQUAL(std::string("none"), c.authKind());
	}

	void testResolvesRelativeCertificateAuthorityPath()
	{
		TempDir dir;
		const std::string ca = dir.write("pki/ca.crt", "CA-PEM");
		const std::string path = dir.write("config", kubeconfig(SERVER + "    certificate-authority: pki/ca.crt\n", "    token: t\n"));
		ClusterConnection c = KubeConfigFile::load(path);
		CPPUNIT_ASSERT_EQUAL(std::string("CA-PEM"), c.certificateAuthorityData);
		CPPUNIT_ASSERT_EQUAL(ca, c.certificateAuthorityFile);
	}

	void testDecodesCertificateAuthorityAndClientCertificateData()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(
			SERVER + "    certificate-authority-data: " + base64("CA-PEM\n") + "\n",
			"    client-certificate-data: " + base64("CERT-PEM") + "\n    client-key-data: " + base64("KEY-PEM") + "\n"));
		ClusterConnection c = KubeConfigFile::load(path);
		CPPUNIT_ASSERT_EQUAL(std::string("CA-PEM\n"), c.certificateAuthorityData);
		CPPUNIT_ASSERT_EQUAL(std::string(""), c.certificateAuthorityFile);
		CPPUNIT_ASSERT_EQUAL(std::string("CERT-PEM"), c.clientCertificateData);
		CPPUNIT_ASSERT_EQUAL(std::string("KEY-PEM"), c.clientKeyData);
		CPPUNIT_ASSERT_EQUAL(std::string("client certificate"), c.authKind());
	}

	void testDataWinsOverFileReference()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(
			SERVER + "    certificate-authority: missing.crt\n    certificate-authority-data: " + base64("INLINE") + "\n",
			"    token: t\n"));
		CPPUNIT_ASSERT_EQUAL(std::string("INLINE"), KubeConfigFile::load(path).certificateAuthorityData);
	}

	void testResolvesRelativeClientCertificateFiles()
	{
		TempDir dir;
		dir.write("certs/client.crt", "CERT-FILE");
		dir.write("certs/client.key", "KEY-FILE");
		const std::string path = dir.write("config", kubeconfig(SERVER,
			"    client-certificate: certs/client.crt\n    client-key: " + dir.path("certs/client.key") + "\n"));
		ClusterConnection c = KubeConfigFile::load(path);
		CPPUNIT_ASSERT_EQUAL(std::string("CERT-FILE"), c.clientCertificateData);
		CPPUNIT_ASSERT_EQUAL(std::string("KEY-FILE"), c.clientKeyData);
	}

	void testTokenFileIsResolvedAndChecked()
	{
		TempDir dir;
		const std::string token = dir.write("secrets/token", "file-token\n");
		ClusterConnection c = KubeConfigFile::load(dir.write("config", kubeconfig(SERVER, "    tokenFile: secrets/token\n")));
		CPPUNIT_ASSERT_EQUAL(token, c.tokenFile);
		CPPUNIT_ASSERT_EQUAL(std::string("token file"), c.authKind());

		const std::string broken = dir.write("broken", kubeconfig(SERVER, "    tokenFile: secrets/none\n"));
		const std::string message = loadError(broken);
		CPPUNIT_ASSERT(message.find("kubeconfig " + broken + ": user 'dev-user': cannot read tokenFile " + dir.path("secrets/none")) == 0);
	}

	void testInsecureSkipTlsVerifyAndTlsServerName()
	{
		TempDir dir;
		ClusterConnection c = KubeConfigFile::load(dir.write("config", kubeconfig(
			SERVER + "    insecure-skip-tls-verify: true\n    tls-server-name: kubernetes.default\n", "    token: t\n")));
		CPPUNIT_ASSERT(c.insecureSkipTlsVerify);
		CPPUNIT_ASSERT_EQUAL(std::string("kubernetes.default"), c.tlsServerName);
	}

	void testBasicAuthUser()
	{
		TempDir dir;
		ClusterConnection c = KubeConfigFile::load(dir.write("config", kubeconfig(SERVER, "    username: admin\n    password: s3cret\n")));
		CPPUNIT_ASSERT_EQUAL(std::string("admin"), c.username);
		CPPUNIT_ASSERT_EQUAL(std::string("s3cret"), c.password);
		CPPUNIT_ASSERT_EQUAL(std::string("basic"), c.authKind());
	}

	void testReadsJsonKubeconfig()
	{
		TempDir dir;
		const std::string json = "{\"apiVersion\":\"v1\",\"current-context\":\"j\","
			"\"clusters\":[{\"name\":\"c\",\"cluster\":{\"server\":\"http://localhost:8080\"}}],"
			"\"users\":[{\"name\":\"u\",\"user\":{\"token\":\"json-token\"}}],"
			"\"contexts\":[{\"name\":\"j\",\"context\":{\"cluster\":\"c\",\"user\":\"u\",\"namespace\":\"js\"}}]}";
		ClusterConnection c = KubeConfigFile::load(dir.write("config.json", json));
		CPPUNIT_ASSERT_EQUAL(std::string("http://localhost:8080"), c.server);
		CPPUNIT_ASSERT_EQUAL(std::string("json-token"), c.token);
		CPPUNIT_ASSERT_EQUAL(std::string("js"), c.defaultNamespace);
	}

	void testRejectsExecCredentialPlugin()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER,
			"    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: aws\n      args: [eks, get-token]\n"));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + path + ": user 'dev-user' uses an exec credential plugin, which is not supported; "
			"use a token, tokenFile or client certificate", loadError(path));
	}

	void testRejectsAuthProvider()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER, "    auth-provider:\n      name: gcp\n"));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + path + ": user 'dev-user' uses an auth-provider, which is not supported; "
			"use a token, tokenFile or client certificate", loadError(path));
	}

	void testReportsMissingFile()
	{
		TempDir dir;
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + dir.path("nope") + ": file not found", loadError(dir.path("nope")));
	}

	void testReportsYamlSyntaxErrorWithLine()
	{
		TempDir dir;
		const std::string path = dir.write("config", "apiVersion: v1\ncurrent-context: dev\nclusters:\n- name: [unclosed\n");
		const std::string message = loadError(path);
		CPPUNIT_ASSERT(message.find("kubeconfig " + path + ": YAML syntax error at line ") == 0);
		CPPUNIT_ASSERT(message.find("line 4") != std::string::npos || message.find("line 5") != std::string::npos);
		CPPUNIT_ASSERT(message.find('\n') == std::string::npos);
	}

	void testReportsMissingCurrentContext()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER, "    token: t\n", "", ""));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + path + ": no current-context is set and no context was selected", loadError(path));
		const std::string empty = dir.write("empty", "");
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + empty + ": file is empty", loadError(empty));
	}

	void testReportsUnknownContextClusterAndUser()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER, "    token: t\n"));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + path + ": context 'prod' not found", loadError(path, "prod"));
		const std::string noCluster = dir.write("c2", "current-context: x\ncontexts:\n- name: x\n  context:\n    cluster: gone\n    user: u\n");
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + noCluster + ": cluster 'gone' (of context 'x') not found", loadError(noCluster));
		const std::string noUser = dir.write("c3", "current-context: x\nclusters:\n- name: c\n  cluster:\n" + SERVER
			+ "contexts:\n- name: x\n  context:\n    cluster: c\n    user: ghost\n");
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + noUser + ": user 'ghost' (of context 'x') not found", loadError(noUser));
	}

	void testReportsUnreadableCertificateAuthority()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER + "    certificate-authority: ca/missing.crt\n", "    token: t\n"));
		const std::string message = loadError(path);
		CPPUNIT_ASSERT(message.find("kubeconfig " + path + ": cluster 'dev-cluster': cannot read certificate-authority "
			+ dir.path("ca/missing.crt") + ": ") == 0);
	}

	void testReportsInvalidBase64()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER, "    client-certificate-data: '***'\n    client-key-data: '***'\n"));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + path + ": user 'dev-user': client-certificate-data is not valid base64", loadError(path));
	}

	void testReportsMissingServerAndBadUrl()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig("    insecure-skip-tls-verify: false\n", "    token: t\n"));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + path + ": cluster 'dev-cluster' has no server", loadError(path));
		const std::string ftp = dir.write("ftp", kubeconfig("    server: ftp://example.org\n", "    token: t\n"));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + ftp + ", context 'dev': server URL \"ftp://example.org\" must be http(s)://host[:port]",
			loadError(ftp));
	}

	void testReportsWrongFieldTypes()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(SERVER + "    insecure-skip-tls-verify: maybe\n", "    token: t\n"));
		const std::string message = loadError(path);
		CPPUNIT_ASSERT(message.find("kubeconfig " + path + ": malformed at line ") == 0);
	}

	void testRejectsCaTogetherWithInsecure()
	{
		TempDir dir;
		const std::string path = dir.write("config", kubeconfig(
			SERVER + "    insecure-skip-tls-verify: true\n    certificate-authority-data: " + base64("CA") + "\n", "    token: t\n"));
		CPPUNIT_ASSERT_EQUAL("kubeconfig " + path + ": cluster 'dev-cluster': certificate-authority and insecure-skip-tls-verify "
			"cannot be used together", loadError(path));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeConfigFileTest, "KubeClient");
