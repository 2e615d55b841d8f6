//
// ResourceHandler.cpp
//

#include "kubesim/ResourceHandler.h"
#include "kubesim/DeleteOptions.h"
#include "kubesim/Json.h"
#include "kubesim/PodLogHandler.h"
#include "kubesim/ResourceRegistry.h"
#include "kubesim/StatusError.h"
#include "kubesim/WatchStreamer.h"
#include <Poco/Net/HTTPRequest.h>
#include <istream>
#include <sstream>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

ResourceHandler::ResourceHandler(const ServerContext& context, const RequestPath& path, const QueryParameters& query):
	_context(context),
	_path(path),
	_query(query)
{
}

std::string ResourceHandler::verbOf(const RequestPath& path, const std::string& method, const QueryParameters& query)
{
	const bool collection = path.name.empty();
	bool present = false;
	const std::string watchParam = ListOptions::find(query, "watch", present);
	bool watch = path.legacyWatch;
	if (present && !watchParam.empty()) watch = watch || ListOptions::parseBool("watch", watchParam);
	if (path.subresource == "log") return method == Poco::Net::HTTPRequest::HTTP_GET ? "get" : "";
	if (!path.subresource.empty())
	{
		if (method == Poco::Net::HTTPRequest::HTTP_GET) return "get";
		if (method == Poco::Net::HTTPRequest::HTTP_PUT) return "update";
		if (method == Poco::Net::HTTPRequest::HTTP_PATCH) return "patch";
		return "";
	}
	if (method == Poco::Net::HTTPRequest::HTTP_GET) return watch ? "watch" : collection ? "list" : "get";
	if (path.legacyWatch) return "";
	if (method == Poco::Net::HTTPRequest::HTTP_POST) return collection ? "create" : "";
	if (method == Poco::Net::HTTPRequest::HTTP_PUT) return collection ? "" : "update";
	if (method == Poco::Net::HTTPRequest::HTTP_PATCH) return collection ? "" : "patch";
	if (method == Poco::Net::HTTPRequest::HTTP_DELETE)
	{
		if (!collection) return "delete";
		return path.resource->namespaced ? "deletecollection" : "";
	}
	return "";
}

std::string ResourceHandler::readBody(Poco::Net::HTTPServerRequest& request)
{
	const std::string limitText = "limit is " + std::to_string(MAX_BODY_BYTES);
	// Up to this much of an oversized body is read and dropped before the 413,
	// so that the client is not cut off while it is still sending.
	const std::size_t DRAIN_LIMIT = 64 * 1024 * 1024;
	std::istream& in = request.stream();
	char buffer[65536];
	auto drainAndRefuse = [&](std::size_t consumed)
	{
		while (in && consumed < DRAIN_LIMIT)
		{
			in.read(buffer, sizeof(buffer));
			consumed += static_cast<std::size_t>(in.gcount());
		}
		throw StatusError::tooLarge(limitText);
	};
	if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(MAX_BODY_BYTES)) drainAndRefuse(0);
	std::string body;
	while (in)
	{
		in.read(buffer, sizeof(buffer));
		body.append(buffer, static_cast<std::size_t>(in.gcount()));
		if (body.size() > MAX_BODY_BYTES) drainAndRefuse(body.size());
	}
	return body;
}

bool ResourceHandler::handle(const std::string& verb, Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
	ApiResponse& reply, bool resetWatch)
{
	const ResourceInfo& resource = *_path.resource;
	ResourceRegistry& registry = *_context.registry;
	if (verb == "get" && _path.subresource == "log")
	{
		PodLogHandler logs(_context, _path, _query);
		return logs.handle(response, reply);
	}
	if (verb == "get")
	{
		reply = ApiResponse::json(200, registry.get(resource, _path.ns, _path.name)->json);
	}
	else if (verb == "list") reply = list();
	else if (verb == "watch")
	{
		ListOptions options = ListOptions::parse(_query, resource);
		options.watch = true;
		_context.watches->serve(request, response, resource, _path.ns, _path.name, options,
			registry.lister().watchListEnabled(), resetWatch);
		return false;
	}
	else if (verb == "create") reply = create(request);
	else if (verb == "update") reply = update(request);
	else if (verb == "patch") reply = patch(request);
	else if (verb == "delete") reply = remove(request);
	else if (verb == "deletecollection") reply = removeCollection(request);
	else throw StatusError::methodNotAllowed();
	return true;
}

std::string ResourceHandler::listJson(const std::vector<StoredObjectPtr>& items, std::uint64_t resourceVersion,
	const std::string& continueToken, std::int64_t remaining) const
{
	const ResourceInfo& resource = *_path.resource;
	std::size_t size = 256;
	for (const auto& item: items) size += item->itemJson.size() + 1;
	std::string json;
	json.reserve(size);
	json += "{\"kind\":\"" + resource.listKind() + "\",\"apiVersion\":\"" + resource.apiVersion() + "\",\"metadata\":{\"resourceVersion\":\"";
	json += std::to_string(resourceVersion) + "\"";
	if (!continueToken.empty())
	{
		json += ",\"continue\":\"" + continueToken + "\"";
		if (remaining > 0) json += ",\"remainingItemCount\":" + std::to_string(remaining);
	}
	json += "},\"items\":[";
	for (std::size_t i = 0; i < items.size(); ++i)
	{
		if (i > 0) json += ',';
		json += items[i]->itemJson;
	}
	json += "]}";
	return json;
}

ApiResponse ResourceHandler::list() const
{
	ListOptions options = ListOptions::parse(_query, *_path.resource);
	ResourceRegistry::ListPage page = _context.registry->list(*_path.resource, _path.ns, options);
	return ApiResponse::json(200, listJson(page.items, page.resourceVersion, page.continueToken, page.remaining));
}

Object::Ptr ResourceHandler::objectBody(Poco::Net::HTTPServerRequest& request) const
{
	const std::string contentType = request.getContentType().substr(0, request.getContentType().find(';'));
	if (!contentType.empty() && contentType != "application/json" && contentType != "application/yaml" && contentType != "*/*")
	{
		throw StatusError::unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: "
			"application/json, application/yaml");
	}
	const std::string body = readBody(request);
	try
	{
		return Json::parseObject(body);
	}
	catch (Poco::Exception& e)
	{
		throw StatusError::badRequest("the body of the request could not be decoded as JSON: " + e.message());
	}
}

ResourceRegistry::WriteOptions ResourceHandler::writeOptions(const std::string& optionsKind) const
{
	ResourceRegistry::WriteOptions options;
	bool present = false;
	options.fieldManager = ListOptions::find(_query, "fieldManager", present);
	ListOptions::find(_query, "force", options.hasForce);
	const std::string dryRun = ListOptions::find(_query, "dryRun", present);
	if (!dryRun.empty() && dryRun != "All")
	{
		throw StatusError::invalidOptions(optionsKind, {{"FieldValueNotSupported",
			StatusError::causeBody("FieldValueNotSupported", StatusError::quote(dryRun) + ": supported values: \"All\""), "dryRun"}});
	}
	options.dryRun = dryRun == "All";
	options.fieldValidation = FieldValidation::parse(ListOptions::find(_query, "fieldValidation", present), optionsKind);
	return options;
}

ApiResponse ResourceHandler::create(Poco::Net::HTTPServerRequest& request) const
{
	ResourceRegistry::WriteOptions options = writeOptions("CreateOptions");
	ResourceRegistry::WriteResult result = _context.registry->create(*_path.resource, _path.ns, objectBody(request), options);
	return written(201, result);
}

ApiResponse ResourceHandler::update(Poco::Net::HTTPServerRequest& request) const
{
	ResourceRegistry::WriteOptions options = writeOptions("UpdateOptions");
	ResourceRegistry::WriteResult result = _context.registry->update(*_path.resource, _path.ns, _path.name,
		objectBody(request), !_path.subresource.empty(), options);
	return written(result.created ? 201 : 200, result);
}

ApiResponse ResourceHandler::patch(Poco::Net::HTTPServerRequest& request) const
{
	ResourceRegistry::WriteOptions options = writeOptions("PatchOptions");
	const std::string body = readBody(request);
	ResourceRegistry::WriteResult result = _context.registry->patch(*_path.resource, _path.ns, _path.name,
		request.getContentType(), body, !_path.subresource.empty(), options);
	return written(result.created ? 201 : 200, result);
}

ApiResponse ResourceHandler::written(int status, const ResourceRegistry::WriteResult& result)
{
	ApiResponse reply = ApiResponse::json(status, result.object->json);
	for (const auto& warning: result.warnings) reply.addWarning(warning);
	return reply;
}

ApiResponse ResourceHandler::remove(Poco::Net::HTTPServerRequest& request) const
{
	const ResourceInfo& resource = *_path.resource;
	DeleteOptions options = DeleteOptions::parse(readBody(request), _query);
	ResourceRegistry::DeleteResult result = _context.registry->remove(resource, _path.ns, _path.name, options);
	ApiResponse reply;
	if (result.removed && !resource.returnDeletedObject)
	{
		Object::Ptr details = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		details->set("name", _path.name);
		if (!resource.group.empty()) details->set("group", resource.group);
		details->set("kind", resource.plural);
		details->set("uid", result.object->uid);
		reply = ApiResponse::object(200, StatusError::successStatus(details));
	}
	else reply = ApiResponse::json(200, result.object->json);
	for (const auto& warning: result.warnings) reply.addWarning(warning);
	return reply;
}

ApiResponse ResourceHandler::removeCollection(Poco::Net::HTTPServerRequest& request) const
{
	ListOptions selection = ListOptions::parse(_query, *_path.resource);
	DeleteOptions options = DeleteOptions::parse(readBody(request), _query);
	std::vector<std::string> warnings;
	std::vector<StoredObjectPtr> deleted = _context.registry->removeCollection(*_path.resource, _path.ns, selection, options, warnings);
	ApiResponse reply = ApiResponse::json(200, listJson(deleted, _context.registry->store().currentResourceVersion(), "", -1));
	for (const auto& warning: warnings) reply.addWarning(warning);
	return reply;
}

} } // namespace sbomop::kubesim
