//
// CycleReport.cpp
//

#include "CycleReport.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/RegularExpression.h>
#include <Poco/StreamCopier.h>
#include <set>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace bench {

namespace {

Object::Ptr parseObject(const std::string& text)
{
	return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

std::int64_t number(const std::string& text)
{
	return static_cast<std::int64_t>(Poco::NumberParser::parseUnsigned64(text));
}

} // namespace

std::int64_t CycleReport::requestCount(const std::string& verb, const std::string& resource) const
{
	auto it = requests.find(verb + " " + resource);
	return it == requests.end() ? 0 : it->second;
}

void CycleReport::readLog(std::istream& log)
{
	// The two lines CycleRunner logs for every cycle.
	static const Poco::RegularExpression START("cycle \\S+: (\\d+) pods, (\\d+) images, (\\d+) pending");
	static const Poco::RegularExpression DONE("cycle \\S+ done in ([0-9.]+) s: (\\d+) succeeded, (\\d+) failed, "
		"(\\d+) pods annotated, (\\d+) annotation failures");
	std::string line;
	while (std::getline(log, line))
	{
		std::vector<std::string> groups;
		if (START.split(line, groups) == 4)
		{
			podsSeen = number(groups[1]);
			imagesKnown = number(groups[2]);
			imagesPending = number(groups[3]);
		}
		else if (DONE.split(line, groups) == 6)
		{
			cycleSeconds = Poco::NumberParser::parseFloat(groups[1]);
			imagesSucceeded = number(groups[2]);
			imagesFailed = number(groups[3]);
			podsAnnotated = number(groups[4]);
			annotationFailures = number(groups[5]);
		}
	}
}

void CycleReport::readStats(std::istream& stats)
{
	std::string text;
	Poco::StreamCopier::copyToString(stats, text);
	Object::Ptr root = parseObject(text);
	requestsTotal = root->getValue<std::int64_t>("total");
	requests.clear();
	Object::Ptr byVerb = root->getObject("requests");
	if (!byVerb) return;
	for (const auto& verb: *byVerb)
	{
		Object::Ptr byResource = verb.second.extract<Object::Ptr>();
		for (const auto& resource: *byResource) requests[verb.first + " " + resource.first] = resource.second.convert<std::int64_t>();
	}
}

void CycleReport::readBatches(std::istream& batches)
{
	std::set<std::string> digests;
	std::string line;
	while (std::getline(batches, line))
	{
		if (line.empty()) continue;
		++backendBatches;
		Array::Ptr images = parseObject(line)->getArray("images");
		if (!images) continue;
		for (std::size_t i = 0; i < images->size(); ++i)
		{
			Object::Ptr image = images->getObject(static_cast<unsigned>(i));
			++backendImages;
			digests.insert(image->getValue<std::string>("digest"));
			if (Array::Ptr containers = image->getArray("containers")) backendContainers += static_cast<std::int64_t>(containers->size());
		}
	}
	backendDigests = static_cast<std::int64_t>(digests.size());
}

void CycleReport::print(std::ostream& out) const
{
	out << "cycle_seconds=" << cycleSeconds << '\n'
		<< "pods_seen=" << podsSeen << '\n'
		<< "images_known=" << imagesKnown << '\n'
		<< "images_pending=" << imagesPending << '\n'
		<< "images_succeeded=" << imagesSucceeded << '\n'
		<< "images_failed=" << imagesFailed << '\n'
		<< "pods_annotated=" << podsAnnotated << '\n'
		<< "annotation_failures=" << annotationFailures << '\n'
		<< "backend_batches=" << backendBatches << '\n'
		<< "backend_images=" << backendImages << '\n'
		<< "backend_digests=" << backendDigests << '\n'
		<< "backend_containers=" << backendContainers << '\n'
		<< "requests_total=" << requestsTotal << '\n';
	for (const auto& entry: requests)
	{
		const auto space = entry.first.find(' ');
		out << "request." << entry.first.substr(0, space) << '.' << entry.first.substr(space + 1) << '=' << entry.second << '\n';
	}
}

} } // namespace sbomop::bench
