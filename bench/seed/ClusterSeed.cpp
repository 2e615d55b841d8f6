//
// ClusterSeed.cpp
//

#include "ClusterSeed.h"
#include "common/Base64Text.h"
#include "ImageCatalog.h"
#include "PodGenerator.h"
#include <Poco/CountingStream.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <set>
#include <sstream>

using Poco::JSON::Object;

namespace sbomop {
namespace bench {

namespace {

const std::vector<std::string> TEAMS = { "payments", "checkout", "catalog", "search", "identity", "notifications",
	"billing", "shipping", "inventory", "analytics", "recommendations", "frontend", "media", "messaging",
	"reporting", "pricing", "orders", "reviews", "loyalty", "support" };

using sbomop::testcommon::base64;

Object::Ptr metadata(const std::string& name, const std::string& ns)
{
	Object::Ptr result = new Object;
	result->set("name", name);
	if (!ns.empty()) result->set("namespace", ns);
	return result;
}

Object::Ptr namespaceObject(const std::string& name)
{
	Object::Ptr result = new Object;
	result->set("apiVersion", "v1");
	result->set("kind", "Namespace");
	Object::Ptr meta = metadata(name, "");
	Object::Ptr labels = new Object;
	labels->set("kubernetes.io/metadata.name", name);
	meta->set("labels", labels);
	result->set("metadata", meta);
	return result;
}

// A dockerconfigjson for the private registry, as `kubectl create secret docker-registry` writes it.
Object::Ptr pullSecret(const std::string& ns)
{
	const std::string auth = base64("puller-" + ns + ":" + ImageCatalog::sha256Hex("password/" + ns).substr(0, 24));
	const std::string config = "{\"auths\":{\"" + ImageCatalog::PRIVATE_REGISTRY + "\":{\"auth\":\"" + auth + "\"}}}";
	Object::Ptr data = new Object;
	data->set(".dockerconfigjson", base64(config));
	Object::Ptr result = new Object;
	result->set("apiVersion", "v1");
	result->set("kind", "Secret");
	result->set("type", "kubernetes.io/dockerconfigjson");
	result->set("metadata", metadata(PodGenerator::PULL_SECRET, ns));
	result->set("data", data);
	return result;
}

} // namespace

ClusterSeed::ClusterSeed(const Options& options):
	_options(options)
{
	const ImageCatalog catalog(options.images, namespaceNames(options.namespaces));
	if (options.pods < catalog.appCount() || (options.pods + 2) / 3 < catalog.sidecarCount() || (options.pods + 4) / 5 < catalog.initCount())
	{
		throw Poco::InvalidArgumentException("too few pods to run every image at least once",
			std::to_string(options.pods) + " pods for " + std::to_string(options.images) + " images");
	}
}

std::vector<std::string> ClusterSeed::namespaceNames(std::size_t count)
{
	std::vector<std::string> names;
	for (std::size_t i = 0; i < count; ++i)
	{
		names.push_back(TEAMS[i % TEAMS.size()] + (i < TEAMS.size() ? "" : "-" + std::to_string(i / TEAMS.size())));
	}
	return names;
}

ClusterSeed::Summary ClusterSeed::write(std::ostream& out) const
{
	const std::vector<std::string> names = namespaceNames(_options.namespaces);
	const ImageCatalog catalog(_options.images, names);
	const PodGenerator generator(catalog);
	Poco::CountingOutputStream counted(out);
	Summary summary;
	std::set<std::string> imageIds;
	bool first = true;
	auto item = [&](const Object::Ptr& object)
	{
		counted << (first ? "\n" : ",\n");
		first = false;
		object->stringify(counted);
	};
	counted << "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"},\"items\":[";
	for (const auto& name: names)
	{
		item(namespaceObject(name));
		item(pullSecret(name));
		++summary.namespaces;
		++summary.secrets;
	}
	for (std::size_t i = 0; i < _options.pods; ++i)
	{
		item(generator.pod(i));
		for (const SeedImage* image: generator.images(i)) imageIds.insert(image->imageId());
		summary.containers += generator.images(i).size();
		++summary.pods;
	}
	counted << "\n]}\n";
	counted.flush();
	if (!out.good()) throw Poco::IOException("cannot write the seed");
	summary.uniqueImages = imageIds.size();
	summary.bytes = static_cast<std::size_t>(counted.chars());
	return summary;
}

} } // namespace sbomop::bench
