//
// KubeClient.cpp
//

#include "sbomop/kube/KubeClient.h"
#include "KubeClientTransport.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/JSON/Parser.h>
#include <Poco/Net/SSLManager.h>
#include <sstream>

namespace sbomop {
namespace kube {

namespace
{
	using Request = KubeClientTransport::Request;

	Request makeRequest(const std::string& method, const std::string& verb, const ResourceType& type, const std::string& path)
	{
		Request request;
		request.method = method;
		request.verb = verb;
		request.resource = type.qualifiedName();
		request.path = path;
		return request;
	}

	void addIfSet(Request& request, const std::string& name, const std::string& value)
	{
		if (!value.empty()) request.query.emplace_back(name, value);
	}

	Poco::JSON::Object::Ptr parseObject(std::istream& body, const Request& request)
	{
		try
		{
			Poco::JSON::Parser parser;
			Poco::Dynamic::Var value = parser.parse(body);
			if (value.type() == typeid(Poco::JSON::Object::Ptr))
			{
				Poco::JSON::Object::Ptr object = value.extract<Poco::JSON::Object::Ptr>();
				if (object) return object;
			}
		}
		catch (Poco::Exception& e)
		{
			throw MalformedResponseException(request.method + " " + request.path + ": response body is not valid JSON: " + e.message());
		}
		throw MalformedResponseException(request.method + " " + request.path + ": response body is not a JSON object");
	}

	Poco::JSON::Object::Ptr fetchObject(KubeClientTransport& transport, const Request& request)
	{
		Poco::JSON::Object::Ptr result;
		transport.execute(request, [&](std::istream& body) { result = parseObject(body, request); });
		return result;
	}

	std::string stringify(const Poco::JSON::Object::Ptr& object)
	{
		if (!object) throw Poco::InvalidArgumentException("an object is required");
		std::ostringstream out;
		object->stringify(out);
		return out.str();
	}

	bool hasResourceVersion(const Poco::JSON::Object::Ptr& object)
	{
		Poco::JSON::Object::Ptr metadata = object->getObject("metadata");
		return metadata && !metadata->optValue<std::string>("resourceVersion", "").empty();
	}
}

KubeClient::KubeClient(const ClusterConnection& connection, const KubeClientSettings& settings):
	_defaultNamespace(connection.defaultNamespace.empty() ? "default" : connection.defaultNamespace),
	_server(connection.server),
	_logger(Poco::Logger::get("sbomop.kube.client"))
{
	Poco::Net::initializeSSL();
	try
	{
		_transport = std::make_unique<KubeClientTransport>(connection, settings);
	}
	catch (...)
	{
		Poco::Net::uninitializeSSL();
		throw;
	}
	_logger.information("Kubernetes API %s", connection.describe());
	if (connection.insecureSkipTlsVerify && connection.scheme() == "https")
	{
		_logger.warning("TLS VERIFICATION OF THE KUBERNETES API SERVER IS DISABLED (insecure-skip-tls-verify in %s): "
			"anyone on the network path can impersonate %s and read the credentials sent to it", connection.source, connection.server);
	}
}

KubeClient::~KubeClient()
{
	_transport.reset();
	Poco::Net::uninitializeSSL();
}

Poco::JSON::Object::Ptr KubeClient::get(const ResourceType& type, const std::string& ns, const std::string& name)
{
	Request request = makeRequest("GET", "get", type, type.objectPath(ns, name));
	request.retryable = true;
	return fetchObject(*_transport, request);
}

void KubeClient::list(const ResourceType& type, const std::string& ns, const ListOptions& options, const BodyHandler& handler)
{
	Request request = makeRequest("GET", "list", type, type.collectionPath(ns));
	request.retryable = true;
	addIfSet(request, "labelSelector", options.labelSelector);
	addIfSet(request, "fieldSelector", options.fieldSelector);
	if (options.limit > 0) request.query.emplace_back("limit", std::to_string(options.limit));
	addIfSet(request, "continue", options.continueToken);
	addIfSet(request, "resourceVersion", options.resourceVersion);
	addIfSet(request, "resourceVersionMatch", options.resourceVersionMatch);
	_transport->execute(request, handler);
}

Poco::JSON::Object::Ptr KubeClient::listObjects(const ResourceType& type, const std::string& ns, const ListOptions& options)
{
	Poco::JSON::Object::Ptr result;
	const Request context = makeRequest("GET", "list", type, type.collectionPath(ns));
	list(type, ns, options, [&](std::istream& body) { result = parseObject(body, context); });
	return result;
}

void KubeClient::watch(const ResourceType& type, const std::string& ns, const WatchOptions& options, const BodyHandler& handler,
	KubeClientCancelToken::Ptr cancel)
{
	Request request = makeRequest("GET", "watch", type, type.collectionPath(ns));
	request.retryable = true;
	request.watch = true;
	request.cancel = cancel;
	request.query.emplace_back("watch", "1");
	addIfSet(request, "resourceVersion", options.resourceVersion);
	if (options.allowWatchBookmarks) request.query.emplace_back("allowWatchBookmarks", "true");
	if (options.timeoutSeconds > 0) request.query.emplace_back("timeoutSeconds", std::to_string(options.timeoutSeconds));
	addIfSet(request, "labelSelector", options.labelSelector);
	addIfSet(request, "fieldSelector", options.fieldSelector);
	const KubeClientSettings& settings = _transport->settings();
	// A quiet watch is healthy: the receive timeout must outlast the
	// server-side timeout, not the short timeout of ordinary requests.
	request.receiveTimeout = options.timeoutSeconds > 0
		? Poco::Timespan(options.timeoutSeconds, 0) + settings.watchTimeoutMargin
		: settings.watchIdleTimeout;
	_transport->execute(request, handler);
}

Poco::JSON::Object::Ptr KubeClient::write(const std::string& method, const std::string& verb, const ResourceType& type,
	const std::string& path, const std::string& contentType, const std::string& body, bool idempotent,
	const WriteOptions& options)
{
	Request request = makeRequest(method, verb, type, path);
	request.contentType = contentType;
	request.body = body;
	request.retryable = idempotent || options.idempotent;
	if (options.dryRun) request.query.emplace_back("dryRun", "All");
	addIfSet(request, "fieldManager", options.fieldManager);
	return fetchObject(*_transport, request);
}

Poco::JSON::Object::Ptr KubeClient::create(const ResourceType& type, const std::string& ns, const Poco::JSON::Object::Ptr& object,
	const WriteOptions& options)
{
	return write("POST", "create", type, type.collectionPath(ns), "application/json", stringify(object), false, options);
}

Poco::JSON::Object::Ptr KubeClient::update(const ResourceType& type, const std::string& ns, const std::string& name,
	const Poco::JSON::Object::Ptr& object, const WriteOptions& options)
{
	const std::string body = stringify(object);
	// A replayed PUT with a resourceVersion precondition cannot apply twice:
	// the second attempt gets 409 instead.
	return write("PUT", "update", type, type.objectPath(ns, name), "application/json", body, hasResourceVersion(object), options);
}

Poco::JSON::Object::Ptr KubeClient::patch(const ResourceType& type, const std::string& ns, const std::string& name,
	PatchType patchType, const std::string& body, const WriteOptions& options)
{
	return write("PATCH", "patch", type, type.objectPath(ns, name), patchContentType(patchType), body, false, options);
}

Poco::JSON::Object::Ptr KubeClient::remove(const ResourceType& type, const std::string& ns, const std::string& name,
	PropagationPolicy policy, const WriteOptions& options)
{
	Poco::JSON::Object::Ptr deleteOptions = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	deleteOptions->set("kind", "DeleteOptions");
	deleteOptions->set("apiVersion", "v1");
	deleteOptions->set("propagationPolicy", propagationPolicyName(policy));
	return write("DELETE", "delete", type, type.objectPath(ns, name), "application/json", stringify(deleteOptions), false, options);
}

const std::string& KubeClient::defaultNamespace() const
{
	return _defaultNamespace;
}

const std::string& KubeClient::server() const
{
	return _server;
}

std::string KubeClient::patchContentType(PatchType patchType)
{
	switch (patchType)
	{
	case PatchType::Json: return "application/json-patch+json";
	case PatchType::StrategicMerge: return "application/strategic-merge-patch+json";
	case PatchType::Merge: break;
	}
	return "application/merge-patch+json";
}

std::string KubeClient::propagationPolicyName(PropagationPolicy policy)
{
	switch (policy)
	{
	case PropagationPolicy::Foreground: return "Foreground";
	case PropagationPolicy::Orphan: return "Orphan";
	case PropagationPolicy::Background: break;
	}
	return "Background";
}

} } // namespace sbomop::kube
