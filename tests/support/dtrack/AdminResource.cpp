//
// AdminResource.cpp
//

#include "dtrack/AdminResource.h"
#include "dtrack/ApiKeyRegistry.h"
#include "dtrack/FaultInjector.h"
#include "dtrack/ProjectStore.h"
#include "dtrack/RequestLog.h"
#include "dtrack/StateDump.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>

using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

AdminResource::AdminResource(const ServerContext& context):
	_context(context)
{
}

Reply AdminResource::handle(const std::string& method, const RequestTarget& target, Poco::Net::HTTPServerRequest& request)
{
	PermissionSet permissions;
	if (!_context.keys->authenticate(request, permissions)) return Reply::empty(401);

	const std::vector<std::string>& s = target.segments();
	if (s.size() != 2) return Reply::empty(404);
	if (s[1] == "projects" || s[1] == "requests")
	{
		if (method != "GET") return Reply::empty(405);
		if (s[1] == "projects") return Reply::json(200, StateDump::toJson(*_context.store));
		return Reply::json(200, _context.log->toJson());
	}
	if (s[1] != "faults") return Reply::empty(404);
	if (method == "GET") return faults();
	if (method == "DELETE")
	{
		_context.faults->clear();
		return Reply::empty(204);
	}
	if (method != "POST") return Reply::empty(405);

	std::string body;
	Poco::StreamCopier::copyToString(request.stream(), body);
	try
	{
		Poco::JSON::Parser parser;
		const Poco::Dynamic::Var parsed = parser.parse(body);
		if (parsed.type() != typeid(Object::Ptr)) throw Poco::InvalidArgumentException("fault configuration must be a JSON object");
		const Object::Ptr config = parsed.extract<Object::Ptr>();
		if (config->has("processingDelayMs"))
		{
			const int ms = config->getValue<int>("processingDelayMs");
			if (ms < 0) throw Poco::InvalidArgumentException("processingDelayMs must not be negative");
			_context.store->setProcessingDelay(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms) * 1000));
		}
		_context.faults->configure(config);
	}
	catch (Poco::Exception& e)
	{
		return Reply::text(400, e.displayText());
	}
	return faults();
}

Reply AdminResource::faults() const
{
	Object::Ptr json = _context.faults->toJson();
	json->set("processingDelayMs", static_cast<Poco::Int64>(_context.store->processingDelay().totalMilliseconds()));
	return Reply::json(200, json);
}

} } // namespace sbomop::dtracksim
