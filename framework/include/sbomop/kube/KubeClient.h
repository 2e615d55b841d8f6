//
// KubeClient.h
//
// The Kubernetes API client: typed verbs over HTTP(S) with authentication,
// keep-alive connection reuse, client-side rate limiting, retries and
// typed errors.
//

#ifndef SBOMOP_Kube_KubeClient_INCLUDED
#define SBOMOP_Kube_KubeClient_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeClientCancelToken.h"
#include "sbomop/kube/KubeClientOptions.h"
#include "sbomop/kube/KubeClientSettings.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <functional>
#include <istream>
#include <memory>
#include <string>

namespace sbomop {
namespace kube {

class KubeClientTransport;

class SBOMOP_API KubeClient
	/// Talks to one API server. All methods are thread-safe: many threads may
	/// share one client; it keeps a small pool of keep-alive connections.
	///
	/// Every request sends `Accept: application/json` and
	/// `User-Agent: sbom-operator/<version>`, plus the bearer token (re-read
	/// from its file at most every 60 s and after a 401), basic credentials or
	/// a client certificate from the ClusterConnection. `Warning` response
	/// headers are logged at warning level (logger "sbomop.kube.client").
	///
	/// Errors: the API's error responses throw the ApiException subclasses of
	/// KubeException.h (see StatusMapper); failures to get a response throw
	/// TransportException naming host:port and the cause ("cannot reach ..."
	/// when nothing was sent, "no response from ..." when the request may
	/// have reached the server); a success body
	/// that is not a JSON object throws MalformedResponseException.
	///
	/// Retries (up to `maxAttempts`, exponential backoff with full jitter,
	/// `Retry-After` honoured up to a cap): reads and watch set-up on
	/// connection errors, 429 and 5xx; writes on 429 and 5xx that carry a
	/// retry delay, and on connection errors only if nothing was sent or the
	/// write is idempotent (WriteOptions::idempotent, or a PUT carrying
	/// metadata.resourceVersion). 4xx other than 429 are never retried.
	///
	/// `ns` arguments: the object's namespace for namespaced resources
	/// (ignored for cluster-scoped ones); for list and watch, "" means all
	/// namespaces. Names and namespaces are not validated locally; the server
	/// answers 400/404/422.
{
public:
	using Ptr = std::shared_ptr<KubeClient>;
	using BodyHandler = std::function<void(std::istream& body)>;
		/// Reads a response body as a stream.

	explicit KubeClient(const ClusterConnection& connection, const KubeClientSettings& settings = KubeClientSettings());
		/// Prepares the client; connects lazily. Logs a warning if TLS
		/// verification is disabled. Throws KubeConfigException if the server
		/// URL or the TLS material (CA, client certificate or key) is unusable.

	~KubeClient();

	KubeClient(const KubeClient&) = delete;
	KubeClient& operator = (const KubeClient&) = delete;

	Poco::JSON::Object::Ptr get(const ResourceType& type, const std::string& ns, const std::string& name);
		/// GET one object. Throws NotFoundException if it does not exist.

	void list(const ResourceType& type, const std::string& ns, const ListOptions& options, const BodyHandler& handler);
		/// GET the collection and hands the raw response body (a `<Kind>List`
		/// JSON document, possibly large) to `handler`, for streaming parsers.
		/// The handler runs at most once, after a 2xx status; exceptions it
		/// throws propagate unchanged (no retry, since it may have consumed
		/// part of the body). Page through large collections with
		/// `options.limit` and the returned `metadata.continue`.

	Poco::JSON::Object::Ptr listObjects(const ResourceType& type, const std::string& ns, const ListOptions& options = ListOptions());
		/// list() parsed into a DOM; for small collections only.

	void watch(const ResourceType& type, const std::string& ns, const WatchOptions& options, const BodyHandler& handler,
		KubeClientCancelToken::Ptr cancel = nullptr);
		/// Opens a watch (`watch=1`) and hands the event stream (concatenated
		/// `{"type":..,"object":..}` JSON values) to `handler`, which should
		/// read until end of stream. Returns normally when the server ends the
		/// stream (timeoutSeconds elapsed: re-watch from the last
		/// resourceVersion) or when `cancel` is cancelled from another thread,
		/// which unblocks a pending read at once. Throws like list() if the
		/// watch cannot be established. Rate limited when it starts, not while
		/// it runs.

	Poco::JSON::Object::Ptr create(const ResourceType& type, const std::string& ns, const Poco::JSON::Object::Ptr& object,
		const WriteOptions& options = WriteOptions());
		/// POST `object` to the collection; returns the created object.
		/// Throws AlreadyExistsException if the name is taken.

	Poco::JSON::Object::Ptr update(const ResourceType& type, const std::string& ns, const std::string& name,
		const Poco::JSON::Object::Ptr& object, const WriteOptions& options = WriteOptions());
		/// PUT the whole `object`; returns the stored object. With
		/// metadata.resourceVersion set, a stale version throws ConflictException.

	Poco::JSON::Object::Ptr patch(const ResourceType& type, const std::string& ns, const std::string& name,
		PatchType patchType, const std::string& body, const WriteOptions& options = WriteOptions());
		/// PATCH with the content type of `patchType` (`body` is JSON text:
		/// an object for merge patches, an array for JSON patches); returns
		/// the patched object.

	Poco::JSON::Object::Ptr remove(const ResourceType& type, const std::string& ns, const std::string& name,
		PropagationPolicy policy = PropagationPolicy::Background, const WriteOptions& options = WriteOptions());
		/// DELETE, always with a DeleteOptions body carrying `propagationPolicy`
		/// (as kubectl does: batch/v1 would otherwise orphan a Job's pods).
		/// Returns the server's answer: a Status or the object being deleted.

	const std::string& defaultNamespace() const;
		/// The namespace of the kubeconfig context or of the pod.

	const std::string& server() const;
		/// The API server URL.

	static std::string patchContentType(PatchType patchType);
		/// "application/merge-patch+json", "application/json-patch+json" or
		/// "application/strategic-merge-patch+json".

	static std::string propagationPolicyName(PropagationPolicy policy);
		/// "Background", "Foreground" or "Orphan".

private:
	Poco::JSON::Object::Ptr write(const std::string& method, const std::string& verb, const ResourceType& type,
		const std::string& path, const std::string& contentType, const std::string& body, bool idempotent,
		const WriteOptions& options);

	std::string _defaultNamespace;
	std::string _server;
	std::unique_ptr<KubeClientTransport> _transport;
	Poco::Logger& _logger;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClient_INCLUDED
