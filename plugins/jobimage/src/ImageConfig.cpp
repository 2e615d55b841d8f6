//
// ImageConfig.cpp
//

#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/image/ImageReference.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <set>
#include <sstream>
#include <utility>

namespace sbomop {
namespace jobimage {

namespace
{
	std::string stringify(const Poco::JSON::Object::Ptr& object)
	{
		std::ostringstream out;
		object->stringify(out);
		return out.str();
	}

	std::string registryOf(const std::string& reference)
	{
		try
		{
			return image::ImageReference::parse(reference).registry();
		}
		catch (image::InvalidImageReferenceException&)
		{
			// The host hands over parsed references; an unparsable one has no host to name.
			return std::string();
		}
	}

	Poco::JSON::Array::Ptr pods(const plugin::ImageTask& image, const std::string& clusterId)
	{
		Poco::JSON::Array::Ptr pods = new Poco::JSON::Array;
		std::set<std::pair<std::string, std::string>> seen;
		for (const auto& container: image.containers)
		{
			// Several containers of one pod may run the same image: the job
			// image wants each pod once.
			if (!seen.insert({container.namespaceName, container.podName}).second) continue;
			Poco::JSON::Object::Ptr pod = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
			pod->set("pod", container.podName);
			pod->set("namespace", container.namespaceName);
			pod->set("cluster", clusterId);
			pods->add(pod);
		}
		return pods;
	}
}


Poco::JSON::Object::Ptr ImageConfig::entry(const plugin::ImageTask& image, const std::string& clusterId)
{
	const registry::RegistryCredentials& credentials = image.credentials;
	const std::string pullImage = image.pullReference.empty() ? image.imageId : image.pullReference;
	Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	entry->set("registry-host", (credentials.empty() || credentials.registry().empty()) ? registryOf(pullImage) : credentials.registry());
	entry->set("registry-user", credentials.username());
	entry->set("registry-password", credentials.password());
	if (!credentials.token().empty()) entry->set("registry-token", credentials.token());
	entry->set("image", image.imageId);
	if (pullImage != image.imageId) entry->set("pull-image", pullImage);
	entry->set("pods", pods(image, clusterId));
	return entry;
}


ImageConfig::Document ImageConfig::render(const std::vector<const plugin::ImageTask*>& images, const std::string& clusterId,
	std::size_t maxBytes)
{
	Document document;
	document.json = "[";
	for (const plugin::ImageTask* image: images)
	{
		const std::string text = stringify(entry(*image, clusterId));
		const std::size_t separator = document.imageCount > 0 ? 1 : 0;
		// +1 for the closing bracket.
		if (document.json.size() + separator + text.size() + 1 > maxBytes) break;
		if (separator) document.json += ',';
		document.json += text;
		++document.imageCount;
	}
	document.json += ']';
	return document;
}


std::vector<std::string> ImageConfig::imageIds(const std::string& json)
{
	Poco::JSON::Array::Ptr entries;
	try
	{
		Poco::JSON::Parser parser;
		entries = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
	}
	catch (Poco::Exception&)
	{
		// Parser messages may quote the input, which holds passwords.
		throw Poco::DataFormatException("image-config.json is not a JSON array");
	}
	catch (std::exception&)
	{
		throw Poco::DataFormatException("image-config.json is not a JSON array");
	}
	std::vector<std::string> ids;
	for (std::size_t i = 0; i < entries->size(); ++i)
	{
		Poco::JSON::Object::Ptr entry = entries->getObject(static_cast<unsigned>(i));
		if (!entry || !entry->has("image") || !entry->get("image").isString())
			throw Poco::DataFormatException("image-config.json entry " + std::to_string(i) + " has no string field 'image'");
		ids.push_back(entry->getValue<std::string>("image"));
	}
	return ids;
}

} } // namespace sbomop::jobimage
