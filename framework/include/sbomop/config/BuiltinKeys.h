//
// BuiltinKeys.h
//
// The configuration keys every sbom-operator understands, with the names,
// meanings and defaults of the Go ckotzbauer/sbom-operator plus the keys of
// the plugin host. Components refer to keys through these constants so that a
// misspelt key is a compile error.
//

#ifndef SBOMOP_Config_BuiltinKeys_INCLUDED
#define SBOMOP_Config_BuiltinKeys_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/ConfigSchema.h"

namespace sbomop {
namespace config {

class SBOMOP_API BuiltinKeys
	/// The built-in key table. All definitions live in BuiltinKeys.cpp.
{
public:
	static void addTo(ConfigSchema& schema);
		/// Adds the built-in groups and keys to `schema`, in help order.
		/// Throws Poco::ExistsException if one of them is already defined.

	static ConfigSchema schema();
		/// A new schema holding exactly the built-in keys.

	// Groups
	static constexpr const char* GROUP_COMMON = "common";
	static constexpr const char* GROUP_SYFT = "syft";
	static constexpr const char* GROUP_GIT = "git";
	static constexpr const char* GROUP_DTRACK = "dtrack";
	static constexpr const char* GROUP_OCI = "oci";
	static constexpr const char* GROUP_JOB = "job";
	static constexpr const char* GROUP_RUNTIME = "runtime";
	static constexpr const char* GROUP_ELECTION = "election";

	// common
	static constexpr const char* BACKEND = "backend";
	static constexpr const char* TARGETS = "targets";
	static constexpr const char* FORMAT = "format";
	static constexpr const char* FORMAT_VERSION = "format-version";
	static constexpr const char* CRON = "cron";
	static constexpr const char* ONCE = "once";
	static constexpr const char* IGNORE_ANNOTATIONS = "ignore-annotations";
	static constexpr const char* POD_LABEL_SELECTOR = "pod-label-selector";
	static constexpr const char* NAMESPACE_LABEL_SELECTOR = "namespace-label-selector";
	static constexpr const char* FALLBACK_PULL_SECRET = "fallback-pull-secret";
	static constexpr const char* REGISTRY_PROXY = "registry-proxy";
	static constexpr const char* EXCLUDE_IMAGES = "exclude-images";
	static constexpr const char* DELETE_ORPHAN_IMAGES = "delete-orphan-images";
	static constexpr const char* KUBERNETES_CLUSTER_ID = "kubernetes-cluster-id";

	// syft
	static constexpr const char* SYFT_PATH = "syft-path";
	static constexpr const char* SYFT_TIMEOUT = "syft-timeout";
	static constexpr const char* SCAN_CONCURRENCY = "scan-concurrency";
	static constexpr const char* PLATFORM = "platform";

	// git
	static constexpr const char* GIT_WORKINGTREE = "git-workingtree";
	static constexpr const char* GIT_REPOSITORY = "git-repository";
	static constexpr const char* GIT_BRANCH = "git-branch";
	static constexpr const char* GIT_PATH = "git-path";
	static constexpr const char* GIT_ACCESS_TOKEN = "git-access-token";
	static constexpr const char* GIT_USERNAME = "git-username";
	static constexpr const char* GIT_PASSWORD = "git-password";
	static constexpr const char* GIT_AUTHOR_NAME = "git-author-name";
	static constexpr const char* GIT_AUTHOR_EMAIL = "git-author-email";
	static constexpr const char* GITHUB_APP_ID = "github-app-id";
	static constexpr const char* GITHUB_APP_INSTALLATION_ID = "github-app-installation-id";
	static constexpr const char* GITHUB_APP_PRIVATE_KEY = "github-app-private-key";
	static constexpr const char* GITHUB_API_URL = "github-api-url";
	static constexpr const char* GIT_CA_CERT_FILE = "git-ca-cert-file";
	static constexpr const char* GIT_INSECURE_SKIP_TLS_VERIFY = "git-insecure-skip-tls-verify";

	// dtrack
	static constexpr const char* DTRACK_BASE_URL = "dtrack-base-url";
	static constexpr const char* DTRACK_API_KEY = "dtrack-api-key";
	static constexpr const char* DTRACK_LABEL_TAG_MATCHER = "dtrack-label-tag-matcher";
	static constexpr const char* DTRACK_CA_CERT_FILE = "dtrack-ca-cert-file";
	static constexpr const char* DTRACK_CLIENT_CERT_FILE = "dtrack-client-cert-file";
	static constexpr const char* DTRACK_CLIENT_KEY_FILE = "dtrack-client-key-file";
	static constexpr const char* DTRACK_DEFAULT_PARENT_PROJECT = "dtrack-default-parent-project";
	static constexpr const char* DTRACK_USE_SHORT_NAME = "dtrack-use-short-name";
	static constexpr const char* DTRACK_KUBERNETES_CLUSTER_ID_MODE = "dtrack-kubernetes-cluster-id-mode";
	static constexpr const char* DTRACK_PARENT_PROJECT_ANNOTATION_KEY = "dtrack-parent-project-annotation-key";
	static constexpr const char* DTRACK_PROJECT_NAME_ANNOTATION_KEY = "dtrack-project-name-annotation-key";
	static constexpr const char* DTRACK_MANAGE_PROJECT_ACTIVE_STATUS = "dtrack-manage-project-active-status";
	static constexpr const char* DTRACK_INSECURE_SKIP_TLS_VERIFY = "dtrack-insecure-skip-tls-verify";

	// oci
	static constexpr const char* OCI_REGISTRY = "oci-registry";
	static constexpr const char* OCI_USER = "oci-user";
	static constexpr const char* OCI_TOKEN = "oci-token";
	static constexpr const char* OCI_CA_CERT_FILE = "oci-ca-cert-file";
	static constexpr const char* OCI_INSECURE_SKIP_TLS_VERIFY = "oci-insecure-skip-tls-verify";

	// job
	static constexpr const char* JOB_IMAGE = "job-image";
	static constexpr const char* JOB_IMAGE_PULL_SECRET = "job-image-pull-secret";
	static constexpr const char* JOB_TIMEOUT = "job-timeout";
	static constexpr const char* JOB_SERVICE_ACCOUNT = "job-service-account";
	static constexpr const char* JOB_RESOURCES = "job-resources";
	static constexpr const char* JOB_NODE_SELECTOR = "job-node-selector";
	static constexpr const char* JOB_TOLERATIONS = "job-tolerations";
	static constexpr const char* JOB_TTL_SECONDS = "job-ttl-seconds";
	static constexpr const char* JOB_PRIVILEGED = "job-privileged";

	// runtime
	static constexpr const char* VERBOSITY = "verbosity";
	static constexpr const char* LOG_FORMAT = "log-format";
	static constexpr const char* KUBECONFIG = "kubeconfig";
	static constexpr const char* KUBE_API_QPS = "kube-api-qps";
	static constexpr const char* KUBE_API_BURST = "kube-api-burst";
	static constexpr const char* HEALTH_PORT = "health-port";
	static constexpr const char* PLUGIN_DIR = "plugin-dir";

	// Leader election
	static constexpr const char* LEADER_ELECT = "leader-elect";
	static constexpr const char* LEADER_ELECT_LEASE_NAME = "leader-elect-lease-name";
	static constexpr const char* LEADER_ELECT_LEASE_DURATION = "leader-elect-lease-duration";
	static constexpr const char* LEADER_ELECT_RENEW_DEADLINE = "leader-elect-renew-deadline";
	static constexpr const char* LEADER_ELECT_RETRY_PERIOD = "leader-elect-retry-period";
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_BuiltinKeys_INCLUDED
