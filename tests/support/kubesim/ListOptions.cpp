//
// ListOptions.cpp
//

#include "kubesim/ListOptions.h"
#include "kubesim/FieldLabels.h"
#include "kubesim/StatusError.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/NumberParser.h>

namespace sbomop {
namespace kubesim {

std::string ListOptions::find(const QueryParameters& query, const std::string& name, bool& present)
{
	for (const auto& parameter: query)
	{
		if (parameter.first == name)
		{
			present = true;
			return parameter.second;
		}
	}
	present = false;
	return "";
}

bool ListOptions::parseBool(const std::string& name, const std::string& value)
{
	if (value == "1" || value == "t" || value == "T" || value == "true" || value == "TRUE" || value == "True") return true;
	if (value == "0" || value == "f" || value == "F" || value == "false" || value == "FALSE" || value == "False") return false;
	throw StatusError::badRequest(name + ": strconv.ParseBool: parsing " + StatusError::quote(value) + ": invalid syntax");
}

namespace
{
	std::int64_t parseInt(const std::string& name, const std::string& value)
	{
		Poco::Int64 number = 0;
		if (!Poco::NumberParser::tryParse64(value, number))
			throw StatusError::badRequest(name + ": strconv.ParseInt: parsing " + StatusError::quote(value) + ": invalid syntax");
		return number;
	}
}

ListOptions ListOptions::parse(const QueryParameters& query, const ResourceInfo& resource)
{
	ListOptions options;
	bool present = false;
	try
	{
		std::string labels = find(query, "labelSelector", present);
		if (present && !labels.empty())
		{
			options.labelSelector = sbomop::kube::LabelSelector::parse(labels);
			options.hasSelectors = !options.labelSelector.empty();
		}
		std::string fields = find(query, "fieldSelector", present);
		if (present && !fields.empty())
		{
			options.fieldSelector = FieldLabels::parse(fields, resource);
			options.hasSelectors = options.hasSelectors || !options.fieldSelector.empty();
		}
	}
	catch (sbomop::kube::InvalidSelectorException& e)
	{
		throw StatusError::badRequest(e.message());
	}
	std::string limit = find(query, "limit", present);
	if (present && !limit.empty()) options.limit = parseInt("limit", limit);
	options.continueToken = find(query, "continue", present);
	options.resourceVersion = find(query, "resourceVersion", options.hasResourceVersion);
	options.resourceVersionMatch = find(query, "resourceVersionMatch", present);
	std::string watch = find(query, "watch", present);
	if (present && !watch.empty()) options.watch = parseBool("watch", watch);
	std::string bookmarks = find(query, "allowWatchBookmarks", present);
	if (present && !bookmarks.empty()) options.allowWatchBookmarks = parseBool("allowWatchBookmarks", bookmarks);
	std::string timeout = find(query, "timeoutSeconds", present);
	if (present && !timeout.empty()) options.timeoutSeconds = parseInt("timeoutSeconds", timeout);
	std::string initial = find(query, "sendInitialEvents", options.hasSendInitialEvents);
	if (options.hasSendInitialEvents) options.sendInitialEvents = parseBool("sendInitialEvents", initial);
	return options;
}

void ListOptions::validate(bool watchListEnabled) const
{
	std::vector<FieldCause> causes;
	auto forbidden = [&causes](const std::string& field, const std::string& detail)
	{
		causes.push_back({"FieldValueForbidden", StatusError::causeBody("FieldValueForbidden", detail), field});
	};
	auto notSupported = [&causes](const std::string& field, const std::string& value, const std::string& supported)
	{
		causes.push_back({"FieldValueNotSupported",
			StatusError::causeBody("FieldValueNotSupported", StatusError::quote(value) + ": supported values: " + supported), field});
	};
	const std::string& match = resourceVersionMatch;
	if (watch)
	{
		if (hasSendInitialEvents)
		{
			if (match != "NotOlderThan") forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
			if (!watchListEnabled) forbidden("sendInitialEvents", "sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled");
		}
		if (!match.empty())
		{
			if (!hasSendInitialEvents) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
			if (match != "NotOlderThan") notSupported("resourceVersionMatch", match, "\"NotOlderThan\"");
			if (!continueToken.empty()) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided");
		}
	}
	else
	{
		if (!match.empty())
		{
			if (resourceVersion.empty()) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided");
			if (!continueToken.empty()) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided");
			if (match != "Exact" && match != "NotOlderThan") notSupported("resourceVersionMatch", match, "\"Exact\", \"NotOlderThan\", \"\"");
			if (match == "Exact" && resourceVersion == "0") forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
		}
		if (hasSendInitialEvents) forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list");
	}
	if (!causes.empty()) throw StatusError::invalidOptions("ListOptions", causes);
}

std::uint64_t ListOptions::resourceVersionNumber() const
{
	if (resourceVersion.empty()) return 0;
	Poco::UInt64 number = 0;
	if (!Poco::NumberParser::tryParseUnsigned64(resourceVersion, number))
		throw StatusError::badRequest("invalid resource version: strconv.ParseUint: parsing " + StatusError::quote(resourceVersion) + ": invalid syntax");
	return number;
}

bool ListOptions::matches(const StoredObject& object) const
{
	if (!labelSelector.empty() && !labelSelector.matches(object.labels)) return false;
	return fieldSelector.empty() || fieldSelector.matches(FieldLabels::values(object.object, fieldSelector.fields()));
}

} } // namespace sbomop::kubesim
