//
// BuiltinKeys.cpp
//
// The one place where the built-in keys, their defaults and help lines are
// defined. Names, meanings and defaults follow ckotzbauer/sbom-operator so
// that existing deployments keep working.
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ValueParser.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <sstream>

namespace sbomop {
namespace config {

namespace
{
	using K = KeyDefinition;

	void validateRegex(const std::string& value)
	{
		if (value.empty()) return;
		try
		{
			Poco::RegularExpression regex(value);
		}
		catch (Poco::RegularExpressionException& exc)
		{
			throw ConfigException("not a valid regular expression: " + exc.message());
		}
	}

	void validateProxyPairs(const std::string& value)
	{
		for (const std::string& pair: ValueParser::splitList(value))
		{
			const std::string::size_type eq = pair.find('=');
			if (eq == 0 || eq == std::string::npos || eq + 1 == pair.size())
				throw ConfigException("'" + pair + "' is not a SOURCE=TARGET pair");
		}
	}

	void validateBackend(const std::string& value)
	{
		if (!value.empty() && value[0] == '/') return;
		static const Poco::RegularExpression NAME("^[a-z0-9][a-z0-9_-]*$");
		if (!NAME.match(value))
			throw ConfigException("neither a plugin name (lower-case letters, digits, '-', '_') nor an absolute path");
	}

	void validateHttpUrl(const std::string& value)
	{
		if (value.empty()) return;
		try
		{
			const Poco::URI uri(value);
			if ((uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty()) return;
		}
		catch (Poco::SyntaxException&)
		{
		}
		throw ConfigException("not an http:// or https:// URL");
	}

	void validateBase64Pem(const std::string& value)
	{
		if (value.empty()) return;
		// The reason must never quote the decoded text: it is a private key.
		std::string pem;
		std::istringstream encoded(value);
		Poco::Base64Decoder decoder(encoded);
		// The stream turns a decoding error into badbit instead of throwing.
		Poco::StreamCopier::copyToString(decoder, pem);
		if (decoder.bad()) throw ConfigException("not valid base64");
		if (pem.find("-----BEGIN") == std::string::npos || pem.find("PRIVATE KEY-----") == std::string::npos)
			throw ConfigException("not a base64-encoded PEM private key");
	}

	std::string defaultBackend(const K::ValueLookup& lookup)
	{
		return lookup(BuiltinKeys::JOB_IMAGE).empty() ? "syft" : "jobimage";
	}

	void addCommonKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_COMMON;
		schema.addGroup(g, "General");
		schema.add(K::stringKey(BuiltinKeys::BACKEND, g, "",
			"Backend that generates the SBOMs: a plugin name looked up in plugin-dir (syft, jobimage) or an absolute path to a plugin library.")
			.withDerivedDefault(defaultBackend, "jobimage when job-image is set, else syft")
			.withAllowedText("a plugin name or an absolute path to a plugin library")
			.withValidator(validateBackend));
		schema.add(K::enumListKey(BuiltinKeys::TARGETS, g, {"git", "dtrack", "oci", "configmap"}, "git",
			"Where the syft backend stores the SBOMs; several targets are separated by commas."));
		schema.add(K::enumKey(BuiltinKeys::FORMAT, g,
			{"json", "syftjson", "cyclonedxjson", "cyclonedx", "cyclone", "cyclonedxxml", "spdxjson", "spdx",
			 "spdxtv", "spdxtagvalue", "github", "githubjson", "text", "table"}, "json",
			"SBOM format that Syft writes (its -o option); the dtrack target needs a CycloneDX format."));
		schema.add(K::stringKey(BuiltinKeys::FORMAT_VERSION, g, "",
			"Version of the SBOM format (Syft's -o <format>@<version>, e.g. 2.3 for spdxjson); empty for Syft's default."));
		schema.add(K::stringKey(BuiltinKeys::CRON, g, "",
			"Cron expression for periodic scans of all pods; empty to scan continuously whenever pods change."));
		schema.add(K::boolKey(BuiltinKeys::ONCE, g, false,
			"Run one scan cycle over all running pods, then exit."));
		schema.add(K::boolKey(BuiltinKeys::IGNORE_ANNOTATIONS, g, false,
			"Scan every image again, also those already marked as scanned by the pod annotation ckotzbauer.sbom-operator.io/<container>."));
		schema.add(K::stringKey(BuiltinKeys::POD_LABEL_SELECTOR, g, "",
			"Kubernetes label selector; only pods matching it are scanned (empty: all pods)."));
		schema.add(K::stringKey(BuiltinKeys::NAMESPACE_LABEL_SELECTOR, g, "",
			"Kubernetes label selector; only pods in namespaces matching it are scanned (empty: all namespaces)."));
		schema.add(K::stringKey(BuiltinKeys::FALLBACK_PULL_SECRET, g, "",
			"Name of an image pull Secret in the operator's namespace, used when a pod's own pull secrets give no access to its image."));
		schema.add(K::listKey(BuiltinKeys::REGISTRY_PROXY, g, "",
			"Registry host rewrite SOURCE=TARGET (e.g. docker.io=mirror.example.com) applied before pulling; repeat the option or separate pairs with commas.")
			.withAllowedText("comma-separated list of SOURCE=TARGET registry host pairs")
			.withValidator(validateProxyPairs));
		schema.add(K::listKey(BuiltinKeys::EXCLUDE_IMAGES, g, "",
			"Images never processed: glob patterns on the image reference (e.g. */pause:*,registry.k8s.io/*); * also matches / and :.")
			.withAllowedText("comma-separated list of glob patterns"));
		schema.add(K::boolKey(BuiltinKeys::DELETE_ORPHAN_IMAGES, g, true,
			"Remove the stored SBOMs of images that no running pod uses any more; false keeps them."));
		schema.add(K::stringKey(BuiltinKeys::KUBERNETES_CLUSTER_ID, g, "default",
			"Identifier of this cluster, stored with its SBOMs so that several clusters can share one target."));
	}

	void validatePlatform(const std::string& value)
	{
		if (value.empty()) return;
		// Syft's --platform: os/arch with an optional variant, e.g. linux/arm64/v8.
		static const Poco::RegularExpression PLATFORM("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$");
		if (!PLATFORM.match(value))
			throw ConfigException("not an os/arch[/variant] platform such as linux/amd64 or linux/arm64/v8");
	}

	void addSyftKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_SYFT;
		schema.addGroup(g, "Syft backend");
		schema.add(K::stringKey(BuiltinKeys::SYFT_PATH, g, "syft",
			"Syft executable that the syft backend runs: a file name looked up in PATH, or a path; checked at startup."));
		schema.add(K::integerKey(BuiltinKeys::SYFT_TIMEOUT, g, 600, 1, 86400,
			"Maximum run time of one Syft scan; the scan is killed afterwards and the image counts as failed.")
			.withUnit("seconds"));
		schema.add(K::integerKey(BuiltinKeys::SCAN_CONCURRENCY, g, 2, 1, 64,
			"Number of images the syft backend scans at the same time."));
		schema.add(K::stringKey(BuiltinKeys::PLATFORM, g, "",
			"Platform of multi-arch images to scan (Syft's --platform), e.g. linux/arm64; empty for the operator's own (linux/amd64 or linux/arm64).")
			.withAllowedText("os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8")
			.withValidator(validatePlatform));
	}

	void addGitKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_GIT;
		schema.addGroup(g, "Git target");
		schema.add(K::stringKey(BuiltinKeys::GIT_WORKINGTREE, g, "/work",
			"Local directory into which the git target clones the repository."));
		schema.add(K::stringKey(BuiltinKeys::GIT_REPOSITORY, g, "",
			"HTTPS URL of the Git repository that receives the SBOMs (required by target git)."));
		schema.add(K::stringKey(BuiltinKeys::GIT_BRANCH, g, "main",
			"Branch that the git target checks out and pushes to."));
		schema.add(K::stringKey(BuiltinKeys::GIT_PATH, g, "",
			"Folder inside the repository under which the SBOMs are stored; empty for the repository root."));
		schema.add(K::stringKey(BuiltinKeys::GIT_ACCESS_TOKEN, g, "",
			"Access token for HTTPS authentication to the Git repository.").markSecret());
		schema.add(K::stringKey(BuiltinKeys::GIT_USERNAME, g, "",
			"User name for HTTPS basic authentication to the Git repository."));
		schema.add(K::stringKey(BuiltinKeys::GIT_PASSWORD, g, "",
			"Password for HTTPS basic authentication to the Git repository.").markSecret());
		schema.add(K::stringKey(BuiltinKeys::GIT_AUTHOR_NAME, g, "",
			"Author name of the commits that the git target creates."));
		schema.add(K::stringKey(BuiltinKeys::GIT_AUTHOR_EMAIL, g, "",
			"Author e-mail address of the commits that the git target creates."));
		schema.add(K::stringKey(BuiltinKeys::GITHUB_APP_ID, g, "",
			"ID of a GitHub App to authenticate as, instead of a token or password."));
		schema.add(K::stringKey(BuiltinKeys::GITHUB_APP_INSTALLATION_ID, g, "",
			"Installation ID of that GitHub App on the repository's owner."));
		schema.add(K::stringKey(BuiltinKeys::GITHUB_APP_PRIVATE_KEY, g, "",
			"Private key of that GitHub App, as base64-encoded PEM.")
			.markSecret()
			.markEnvOnly()
			.withAllowedText("a base64-encoded PEM private key")
			.withValidator(validateBase64Pem));
		schema.add(K::stringKey(BuiltinKeys::GITHUB_API_URL, g, "https://api.github.com",
			"Base URL of the GitHub API that issues installation tokens for the GitHub App (GitHub Enterprise: https://<host>/api/v3).")
			.withAllowedText("an http:// or https:// URL")
			.withValidator(validateHttpUrl));
		schema.add(K::stringKey(BuiltinKeys::GIT_CA_CERT_FILE, g, "",
			"PEM file with the CA certificates that verify the Git server; empty for the system CAs."));
		schema.add(K::boolKey(BuiltinKeys::GIT_INSECURE_SKIP_TLS_VERIFY, g, false,
			"Do not verify the Git server's TLS certificate (insecure; logged as a warning at start)."));
	}

	void addDtrackKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_DTRACK;
		schema.addGroup(g, "Dependency-Track target");
		schema.add(K::stringKey(BuiltinKeys::DTRACK_BASE_URL, g, "",
			"Base URL of the Dependency-Track API server, e.g. https://dtrack.example.com (required by target dtrack).")
			.withAllowedText("an http:// or https:// URL")
			.withValidator(validateHttpUrl));
		schema.add(K::stringKey(BuiltinKeys::DTRACK_API_KEY, g, "",
			"Dependency-Track API key (needs BOM_UPLOAD, PROJECT_CREATION_UPLOAD, VIEW_PORTFOLIO and PORTFOLIO_MANAGEMENT).").markSecret());
		schema.add(K::stringKey(BuiltinKeys::DTRACK_LABEL_TAG_MATCHER, g, "",
			"Regular expression on pod label keys; matching labels become key=value project tags (empty: all labels).")
			.withAllowedText("a regular expression")
			.withValidator(validateRegex));
		schema.add(K::stringKey(BuiltinKeys::DTRACK_CA_CERT_FILE, g, "",
			"PEM file with the CA certificates that verify the Dependency-Track server; empty for the system CAs."));
		schema.add(K::stringKey(BuiltinKeys::DTRACK_CLIENT_CERT_FILE, g, "",
			"PEM client certificate for mutual TLS with the Dependency-Track server."));
		schema.add(K::stringKey(BuiltinKeys::DTRACK_CLIENT_KEY_FILE, g, "",
			"PEM private key of the client certificate for mutual TLS with the Dependency-Track server."));
		schema.add(K::stringKey(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT, g, "",
			"UUID of the project set as parent of every project that no pod annotation assigns a parent to."));
		schema.add(K::boolKey(BuiltinKeys::DTRACK_USE_SHORT_NAME, g, false,
			"Name projects after the image repository without the registry host (nginx instead of docker.io/library/nginx)."));
		schema.add(K::enumKey(BuiltinKeys::DTRACK_KUBERNETES_CLUSTER_ID_MODE, g, {"tag", "prefix"}, "tag",
			"How kubernetes-cluster-id marks projects: a kubernetes-cluster=<id> tag, or an <id>- prefix of the project name."));
		schema.add(K::stringKey(BuiltinKeys::DTRACK_PARENT_PROJECT_ANNOTATION_KEY, g, "",
			"Pod annotation key prefix; <key>/<container>: name[:version] sets the parent project of that container's image."));
		schema.add(K::stringKey(BuiltinKeys::DTRACK_PROJECT_NAME_ANNOTATION_KEY, g, "",
			"Pod annotation key prefix; <key>/<container>: name[:version] sets the project name of that container's image."));
		schema.add(K::boolKey(BuiltinKeys::DTRACK_MANAGE_PROJECT_ACTIVE_STATUS, g, false,
			"Mark the running version active and latest and deactivate other versions and orphans instead of deleting them."));
		schema.add(K::boolKey(BuiltinKeys::DTRACK_INSECURE_SKIP_TLS_VERIFY, g, false,
			"Do not verify the Dependency-Track server's TLS certificate (insecure; logged as a warning at start)."));
	}

	void addOciKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_OCI;
		schema.addGroup(g, "OCI target");
		schema.add(K::stringKey(BuiltinKeys::OCI_REGISTRY, g, "",
			"Repository that receives the SBOMs as OCI artifacts, e.g. registry.example.com/sboms (required by target oci)."));
		schema.add(K::stringKey(BuiltinKeys::OCI_USER, g, "",
			"User name for the OCI registry."));
		schema.add(K::stringKey(BuiltinKeys::OCI_TOKEN, g, "",
			"Password or token for the OCI registry.").markSecret());
		schema.add(K::stringKey(BuiltinKeys::OCI_CA_CERT_FILE, g, "",
			"PEM file with the CA certificates that verify the OCI registry; empty for the system CAs."));
		schema.add(K::boolKey(BuiltinKeys::OCI_INSECURE_SKIP_TLS_VERIFY, g, false,
			"Do not verify the OCI registry's TLS certificate (insecure; logged as a warning at start)."));
	}

	void addJobKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_JOB;
		schema.addGroup(g, "Job-image backend");
		schema.add(K::stringKey(BuiltinKeys::JOB_IMAGE, g, "",
			"Container image of the Kubernetes Job that generates and stores the SBOMs instead of Syft (selects the jobimage backend)."));
		schema.add(K::stringKey(BuiltinKeys::JOB_IMAGE_PULL_SECRET, g, "",
			"Name of an image pull Secret for job-image, in the operator's namespace."));
		schema.add(K::integerKey(BuiltinKeys::JOB_TIMEOUT, g, 3600, 1, 2147483647,
			"Maximum run time of the Job (activeDeadlineSeconds); Kubernetes stops it afterwards.")
			.withUnit("seconds"));
		// The structured job-* values are parsed and checked by the jobimage
		// backend's validate(), which owns their meaning.
		schema.add(K::stringKey(BuiltinKeys::JOB_SERVICE_ACCOUNT, g, "",
			"ServiceAccount the Job's pod runs as; empty: the namespace's default account, without a mounted API token."));
		schema.add(K::stringKey(BuiltinKeys::JOB_RESOURCES, g, "",
			"Resources of the Job's container as JSON, e.g. {\"requests\":{\"cpu\":\"500m\"},\"limits\":{\"memory\":\"2Gi\"}}; empty: none.")
			.withAllowedText("a JSON object with only \"requests\" and \"limits\", each mapping resource names to quantity strings"));
		schema.add(K::stringKey(BuiltinKeys::JOB_NODE_SELECTOR, g, "",
			"Node selector of the Job's pod: a JSON object of label values or k=v,k2=v2; empty: any node.")
			.withAllowedText("a JSON object of label key to value, or comma-separated key=value pairs"));
		schema.add(K::stringKey(BuiltinKeys::JOB_TOLERATIONS, g, "",
			"Tolerations of the Job's pod as a JSON array, e.g. [{\"key\":\"scan\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]; empty: none.")
			.withAllowedText("a JSON array of objects with key, operator (Equal, Exists), value, effect and tolerationSeconds"));
		schema.add(K::integerKey(BuiltinKeys::JOB_TTL_SECONDS, g, -1, -1, 2147483647,
			"Keep a finished Job this long (ttlSecondsAfterFinished) instead of deleting it at once; -1: the operator deletes it.")
			.withUnit("seconds"));
		schema.add(K::boolKey(BuiltinKeys::JOB_PRIVILEGED, g, false,
			"Run the Job's container privileged (job images that start a container daemon); false: a restricted security context."));
	}

	void addRuntimeKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_RUNTIME;
		schema.addGroup(g, "Runtime");
		schema.add(K::enumKey(BuiltinKeys::VERBOSITY, g, {"trace", "debug", "info", "warn", "error", "fatal"}, "info",
			"Lowest level of the log messages that are written."));
		schema.add(K::enumKey(BuiltinKeys::LOG_FORMAT, g, {"text", "json"}, "text",
			"Log line format: human-readable text or one JSON object per line."));
		schema.add(K::stringKey(BuiltinKeys::KUBECONFIG, g, "",
			"Path of a kubeconfig file; empty: the in-cluster service account when running in a pod, else $KUBECONFIG or ~/.kube/config."));
		schema.add(K::integerKey(BuiltinKeys::KUBE_API_QPS, g, 50, 1, 10000,
			"Client-side rate limit of Kubernetes API requests per second (watches are not counted once open)."));
		schema.add(K::integerKey(BuiltinKeys::KUBE_API_BURST, g, 100, 1, 10000,
			"Kubernetes API requests allowed at once above kube-api-qps."));
		schema.add(K::integerKey(BuiltinKeys::HEALTH_PORT, g, 8080, 0, 65535,
			"TCP port of the HTTP health endpoint; 0 binds a free port."));
		schema.add(K::stringKey(BuiltinKeys::PLUGIN_DIR, g, "",
			"Directory in which backend plugins are looked up by name; empty for the directory the operator was installed with."));
	}

	void addElectionKeys(ConfigSchema& schema)
	{
		const std::string g = BuiltinKeys::GROUP_ELECTION;
		schema.addGroup(g, "Leader election");
		schema.add(K::enumKey(BuiltinKeys::LEADER_ELECT, g, {"auto", "true", "false"}, "auto",
			"Elect one active replica through a coordination.k8s.io Lease; auto: only when running in a cluster."));
		schema.add(K::stringKey(BuiltinKeys::LEADER_ELECT_LEASE_NAME, g, "sbom-operator",
			"Name of the Lease in the operator's namespace."));
		schema.add(K::integerKey(BuiltinKeys::LEADER_ELECT_LEASE_DURATION, g, 15, 1, 3600,
			"Seconds a follower waits after the last renewal before it takes the lease over."));
		schema.add(K::integerKey(BuiltinKeys::LEADER_ELECT_RENEW_DEADLINE, g, 10, 1, 3600,
			"Seconds within which the leader must renew; otherwise it stops all work and exits (must be below the lease duration)."));
		schema.add(K::integerKey(BuiltinKeys::LEADER_ELECT_RETRY_PERIOD, g, 2, 1, 3600,
			"Seconds between attempts to acquire or renew the lease."));
	}
}


void BuiltinKeys::addTo(ConfigSchema& schema)
{
	addCommonKeys(schema);
	addSyftKeys(schema);
	addGitKeys(schema);
	addDtrackKeys(schema);
	addOciKeys(schema);
	addJobKeys(schema);
	addRuntimeKeys(schema);
	addElectionKeys(schema);
}


ConfigSchema BuiltinKeys::schema()
{
	ConfigSchema schema;
	addTo(schema);
	return schema;
}


} } // namespace sbomop::config
