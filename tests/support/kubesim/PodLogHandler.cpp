//
// PodLogHandler.cpp
//

#include "kubesim/PodLogHandler.h"
#include "kubesim/Json.h"
#include "kubesim/PodLogs.h"
#include "kubesim/ResourceRegistry.h"
#include "kubesim/StatusError.h"
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>
#include <algorithm>
#include <ostream>

using Poco::JSON::Array;

namespace sbomop {
namespace kubesim {

namespace
{
	const Poco::Timespan FOLLOW_POLL(200 * Poco::Timespan::MILLISECONDS);

	// -1 when absent.
	Poco::Int64 number(const QueryParameters& query, const std::string& name)
	{
		bool present = false;
		const std::string text = ListOptions::find(query, name, present);
		if (!present || text.empty()) return -1;
		Poco::Int64 value = 0;
		if (!Poco::NumberParser::tryParse64(text, value) || value < 0)
			throw StatusError::badRequest(name + ": strconv.ParseInt: parsing " + StatusError::quote(text) + ": invalid syntax");
		return value;
	}

	bool flag(const QueryParameters& query, const std::string& name)
	{
		bool present = false;
		const std::string text = ListOptions::find(query, name, present);
		return !text.empty() && ListOptions::parseBool(name, text);
	}

	std::string lastLines(const std::string& text, Poco::Int64 count)
	{
		if (count < 0) return text;
		std::size_t start = text.size();
		// A final line without newline counts as a line too.
		if (start > 0 && text.back() == '\n') --start;
		for (Poco::Int64 lines = 0; lines < count; ++lines)
		{
			const std::size_t newline = start == 0 ? std::string::npos : text.rfind('\n', start - 1);
			if (newline == std::string::npos) return text;
			start = newline;
		}
		return text.substr(start + 1);
	}
}

PodLogHandler::PodLogHandler(const ServerContext& context, const RequestPath& path, const QueryParameters& query):
	_context(context),
	_path(path),
	_query(query)
{
}

bool PodLogHandler::handle(Poco::Net::HTTPServerResponse& response, ApiResponse& reply) const
{
	StoredObjectPtr pod = _context.registry->get(*_path.resource, _path.ns, _path.name);
	Array::Ptr containers = Json::array(Json::object(pod->object, "spec"), "containers");
	std::vector<std::string> names;
	for (unsigned i = 0; containers && i < containers->size(); ++i) names.push_back(Json::string(containers->getObject(i), "name"));
	bool present = false;
	std::string container = ListOptions::find(_query, "container", present);
	if (container.empty())
	{
		if (names.size() != 1)
		{
			std::string choices;
			for (const auto& name: names) choices += (choices.empty() ? "" : " ") + name;
			throw StatusError::badRequest("a container name must be specified for pod " + _path.name + ", choose one of: [" + choices + "]");
		}
		container = names.front();
	}
	else if (std::find(names.begin(), names.end(), container) == names.end())
	{
		throw StatusError::badRequest("container " + container + " is not valid for pod " + _path.name);
	}
	if (flag(_query, "previous"))
		throw StatusError::badRequest("previous terminated container " + StatusError::quote(container) + " in pod " + StatusError::quote(_path.name) + " not found");
	const Poco::Int64 tailLines = number(_query, "tailLines");
	const Poco::Int64 limitBytes = number(_query, "limitBytes");

	std::string log;
	const bool started = _context.logs && _context.logs->get(_path.ns, _path.name, log);
	if (!started)
	{
		const std::string phase = Json::string(Json::object(pod->object, "status"), "phase");
		if (phase.empty() || phase == "Pending")
		{
			throw StatusError::badRequest("container " + StatusError::quote(container) + " in pod " + StatusError::quote(_path.name)
				+ " is waiting to start: ContainerCreating");
		}
	}
	if (started && flag(_query, "follow"))
	{
		stream(response, 0);
		return false;
	}
	log = lastLines(log, tailLines);
	if (limitBytes >= 0 && log.size() > static_cast<std::size_t>(limitBytes)) log.resize(static_cast<std::size_t>(limitBytes));
	reply = ApiResponse::text(200, log);
	return true;
}

void PodLogHandler::stream(Poco::Net::HTTPServerResponse& response, std::size_t offset) const
{
	response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
	response.setContentType("text/plain");
	response.set("Cache-Control", "no-cache, private");
	response.setChunkedTransferEncoding(true);
	std::ostream& out = response.send();
	out.flush();
	while (!(_context.stopping && *_context.stopping))
	{
		std::string data;
		bool ended = false;
		if (!_context.logs->follow(_path.ns, _path.name, offset, FOLLOW_POLL, data, ended)) return;
		if (!data.empty())
		{
			out << data;
			out.flush();
			if (!out) return;   // the client went away
			offset += data.size();
		}
		if (ended) return;
	}
}

} } // namespace sbomop::kubesim
