//
// ProjectResource.cpp
//

#include "dtrack/ProjectResource.h"
#include "dtrack/DtrackSimException.h"
#include "dtrack/ProjectInput.h"
#include "dtrack/ProjectJson.h"
#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>

namespace sbomop {
namespace dtracksim {

namespace
{
	const std::string PROJECT_NOT_FOUND = "The project could not be found.";
	const std::string UUID_NOT_FOUND = "The UUID of the project could not be found.";

	bool isWrite(const std::string& method)
	{
		return method == "PUT" || method == "POST" || method == "PATCH" || method == "DELETE";
	}
}

ProjectResource::ProjectResource(ProjectStore& store):
	_store(store)
{
}

Reply ProjectResource::handle(const std::string& method, const RequestTarget& target,
	Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions)
{
	const std::vector<std::string>& s = target.segments();
	// s = {"api", "v1", "project", ...}
	const std::size_t n = s.size();
	const bool collection = n == 3;
	const bool item = n == 4 && s[3] != "lookup";
	const bool known = collection || n == 4 || (n == 5 && (s[3] == "tag" || s[3] == "latest" || s[4] == "children"));
	if (!known) return Reply::empty(404);

	const bool allowed = collection ? (method == "GET" || method == "PUT" || method == "POST")
		: item ? (method == "GET" || method == "PATCH" || method == "DELETE")
		: method == "GET";
	if (!allowed) return Reply::empty(405);
	const Permission needed = isWrite(method) ? Permission::PORTFOLIO_MANAGEMENT : Permission::VIEW_PORTFOLIO;
	if (!permissions.has(needed)) return Reply::empty(403);

	if (method == "GET")
	{
		if (collection) return list(ProjectQuery::fromRequest(target));
		if (n == 4 && s[3] == "lookup") return lookup(target);
		if (n == 5 && s[3] == "tag") return list(ProjectQuery::fromRequest(target).withTag(s[4]));
		if (n == 5 && s[3] == "latest")
		{
			const std::optional<Project> latest = _store.latest(s[4]);
			return latest ? single(200, *latest) : Reply::message(404, PROJECT_NOT_FOUND);
		}
		const std::optional<Project> project = _store.find(s[3]);
		if (!project) return Reply::message(404, PROJECT_NOT_FOUND);
		if (n == 5) return list(ProjectQuery::fromRequest(target).withParent(project->uuid));
		return single(200, *project);
	}
	if (method == "DELETE") return remove(s[3]);

	std::string body;
	Poco::StreamCopier::copyToString(request.stream(), body);
	ProjectInput input;
	try
	{
		input = ProjectInput::parse(body);
	}
	catch (Poco::Exception&)
	{
		return Reply::text(400, "Unable to process JSON");
	}
	if (method == "PUT") return create(input);
	if (method == "POST") return update(input);
	return patch(s[3], input);
}

Reply ProjectResource::list(const ProjectQuery& query) const
{
	const std::vector<Project> portfolio = _store.projects();
	std::size_t total = 0;
	const std::vector<Project> page = query.select(portfolio, total);
	Reply reply = Reply::json(200, ProjectJson(portfolio).toJson(page));
	reply.header("X-Total-Count", std::to_string(total));
	return reply;
}

Reply ProjectResource::single(int status, const Project& project) const
{
	const std::vector<Project> portfolio = _store.projects();
	return Reply::json(status, ProjectJson(portfolio).toJsonWithVersions(project));
}

Reply ProjectResource::lookup(const RequestTarget& target) const
{
	std::optional<std::string> version;
	if (target.has("version")) version = target.param("version");
	const std::optional<Project> project = _store.find(target.param("name"), version);
	if (!project) return Reply::message(404, PROJECT_NOT_FOUND);
	return single(200, *project);
}

Reply ProjectResource::create(const ProjectInput& input)
{
	Project draft = input.toProject();
	if (draft.name.empty()) return Reply::validationError("name", "must not be blank", draft.name);
	// createProject resolves parent.uuid and silently drops an unknown one.
	if (!draft.parentUuid.empty() && !_store.find(draft.parentUuid)) draft.parentUuid.clear();
	try
	{
		return single(201, _store.create(draft));
	}
	catch (ProjectConflictException& e)
	{
		return Reply::message(409, e.message());
	}
}

Reply ProjectResource::update(const ProjectInput& input)
{
	const std::optional<Project> current = input.uuid ? _store.find(*input.uuid) : std::nullopt;
	if (!current) return Reply::message(404, UUID_NOT_FOUND);
	Project next = input.toProject();
	// "Name cannot be empty or null - prevent it"
	if (next.name.empty()) next.name = current->name;
	// updateProject dereferences the looked-up parent without a null check.
	if (!next.parentUuid.empty() && next.parentUuid != next.uuid && !_store.find(next.parentUuid)) return Reply::empty(500);
	return store(next, 200);
}

Reply ProjectResource::patch(const std::string& uuid, const ProjectInput& input)
{
	const std::optional<Project> current = _store.find(uuid);
	if (!current) return Reply::message(404, UUID_NOT_FOUND);
	if (input.parentUuid && !input.parentUuid->empty() && !_store.find(*input.parentUuid))
		return Reply::message(404, "The UUID of the parent project could not be found.");
	Project next = *current;
	if (!input.mergeInto(next)) return Reply::empty(304);
	return store(next, 200);
}

Reply ProjectResource::remove(const std::string& uuid)
{
	if (!_store.remove(uuid)) return Reply::message(404, UUID_NOT_FOUND);
	return Reply::empty(204);
}

Reply ProjectResource::store(const Project& next, int status)
{
	try
	{
		return single(status, _store.update(next));
	}
	catch (ProjectConflictException& e)
	{
		return Reply::message(409, e.message());
	}
	catch (Poco::NotFoundException&)
	{
		return Reply::message(404, UUID_NOT_FOUND);
	}
}

} } // namespace sbomop::dtracksim
