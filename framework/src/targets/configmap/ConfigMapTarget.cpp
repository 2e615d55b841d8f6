//
// ConfigMapTarget.cpp
//

#include "sbomop/targets/configmap/ConfigMapTarget.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/targets/configmap/BrotliCodec.h"
#include "sbomop/targets/configmap/ConfigMapNaming.h"
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <map>
#include <set>
#include <sstream>

namespace sbomop {
namespace targets {

const std::string ConfigMapTarget::LABEL_KEY = "ckotzbauer.sbom-operator.io";
const std::string ConfigMapTarget::LABEL_VALUE = "true";
const std::string ConfigMapTarget::IMAGE_ID_ANNOTATION = "ckotzbauer.sbom-operator.io/image-id";
const std::string ConfigMapTarget::DATA_KEY = "sbom";

namespace
{
	const std::string TARGET_NAME = "configmap";
	const int UPDATE_ATTEMPTS = 3;

	std::string base64(const std::string& data)
	{
		std::ostringstream out;
		Poco::Base64Encoder encoder(out);
		encoder.rdbuf()->setLineLength(0);
		encoder.write(data.data(), static_cast<std::streamsize>(data.size()));
		encoder.close();
		return out.str();
	}

	Poco::JSON::Object::Ptr childObject(Poco::JSON::Object::Ptr parent, const std::string& key)
	{
		Poco::JSON::Object::Ptr child = parent->getObject(key);
		if (child.isNull())
		{
			child = new Poco::JSON::Object;
			parent->set(key, child);
		}
		return child;
	}

	// Sets the label, annotation and data key of the target on `object`.
	void applyOwnFields(Poco::JSON::Object::Ptr object, const std::string& imageId, const std::string& encoded)
	{
		Poco::JSON::Object::Ptr metadata = childObject(object, "metadata");
		childObject(metadata, "labels")->set(ConfigMapTarget::LABEL_KEY, ConfigMapTarget::LABEL_VALUE);
		childObject(metadata, "annotations")->set(ConfigMapTarget::IMAGE_ID_ANNOTATION, imageId);
		childObject(object, "binaryData")->set(ConfigMapTarget::DATA_KEY, encoded);
	}

	std::string stringAt(const Poco::JSON::Object::Ptr& object, const std::string& child, const std::string& key)
	{
		if (object.isNull()) return std::string();
		const Poco::JSON::Object::Ptr inner = child.empty() ? object : object->getObject(child);
		return inner.isNull() ? std::string() : inner->optValue<std::string>(key, "");
	}
}

ConfigMapTarget::ConfigMapTarget():
	_pClient(nullptr),
	_pLogger(&Poco::Logger::get("sbomop.target.configmap"))
{
}

ConfigMapTarget::~ConfigMapTarget()
{
}

std::string ConfigMapTarget::name() const
{
	return TARGET_NAME;
}

void ConfigMapTarget::validate(const Poco::Util::AbstractConfiguration&) const
{
}

void ConfigMapTarget::initialise(plugin::BackendContext& context)
{
	_pLogger = &context.logger();
	_pClient = context.kubeClient();
	if (!_pClient) throw Poco::IllegalStateException("target configmap needs a Kubernetes client");
}

std::string ConfigMapTarget::sizeProblem(std::size_t documentSize, std::size_t compressedSize)
{
	if (compressedSize <= MAX_DATA_SIZE) return std::string();
	return "the SBOM of " + std::to_string(documentSize) + " bytes compresses to " + std::to_string(compressedSize)
		+ " bytes, over the " + std::to_string(MAX_DATA_SIZE) + "-byte limit of a ConfigMap";
}

Poco::JSON::Object::Ptr ConfigMapTarget::buildConfigMap(const std::string& ns, const std::string& name,
	const std::string& imageId, const std::string& compressed)
{
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	object->set("apiVersion", "v1");
	object->set("kind", "ConfigMap");
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", name);
	metadata->set("namespace", ns);
	object->set("metadata", metadata);
	applyOwnFields(object, imageId, base64(compressed));
	return object;
}

Target::StoreResult ConfigMapTarget::store(const plugin::ImageTask& image, const std::string& document, const SbomFormat&)
{
	if (!_pClient) throw Poco::IllegalStateException("configmap target used before initialise()");
	StoreResult result;
	if (image.containers.empty())
	{
		result.message = "no container runs " + image.imageId + ", so there is no ConfigMap to write";
		return result;
	}
	const std::string compressed = BrotliCodec::compress(document);
	result.message = sizeProblem(document.size(), compressed.size());
	if (!result.message.empty()) return result;

	std::set<std::pair<std::string, std::string>> written;
	std::string failures;
	for (const plugin::ContainerRef& container: image.containers)
	{
		const std::string name = ConfigMapNaming::nameFor(container.podName, container.containerName);
		if (!written.insert({ container.namespaceName, name }).second) continue;
		try
		{
			write(container.namespaceName, name, image.imageId, compressed);
			result.location += std::string(result.location.empty() ? "configmap:" : ", ") + container.namespaceName + "/" + name;
		}
		catch (Poco::Exception& e)
		{
			if (!failures.empty()) failures += "; ";
			failures += "ConfigMap " + container.namespaceName + "/" + name + ": " + e.message();
		}
	}
	result.stored = failures.empty();
	result.message = failures;
	_pLogger->debug("configmap: SBOM of %s (%z bytes, %z compressed) written to %s", image.imageId, document.size(),
		compressed.size(), result.location);
	return result;
}

void ConfigMapTarget::write(const std::string& ns, const std::string& name, const std::string& imageId, const std::string& compressed)
{
	const Poco::JSON::Object::Ptr fresh = buildConfigMap(ns, name, imageId, compressed);
	for (int attempt = 1; ; ++attempt)
	{
		try
		{
			_pClient->create(kube::ResourceType::CONFIGMAPS, ns, fresh);
			return;
		}
		catch (kube::AlreadyExistsException&)
		{
		}
		try
		{
			const Poco::JSON::Object::Ptr existing = _pClient->get(kube::ResourceType::CONFIGMAPS, ns, name);
			const Poco::JSON::Object::Ptr labels = existing->getObject("metadata").isNull()
				? nullptr : existing->getObject("metadata")->getObject("labels");
			if (stringAt(labels, "", LABEL_KEY) != LABEL_VALUE)
			{
				throw Poco::ExistsException("exists without the label " + LABEL_KEY + "=" + LABEL_VALUE
					+ " and is not overwritten");
			}
			applyOwnFields(existing, imageId, stringAt(fresh, "binaryData", DATA_KEY));
			// resourceVersion from the read makes a concurrent change a Conflict.
			_pClient->update(kube::ResourceType::CONFIGMAPS, ns, name, existing);
			return;
		}
		catch (kube::NotFoundException&)
		{
			// Deleted after our create failed: create again.
			if (attempt >= UPDATE_ATTEMPTS) throw;
		}
		catch (kube::ConflictException&)
		{
			if (attempt >= UPDATE_ATTEMPTS) throw;
		}
	}
}

std::vector<ConfigMapTarget::Managed> ConfigMapTarget::listManaged()
{
	std::vector<Managed> managed;
	kube::ListOptions options;
	options.labelSelector = LABEL_KEY + "=" + LABEL_VALUE;
	options.limit = LIST_PAGE_SIZE;
	do
	{
		const Poco::JSON::Object::Ptr list = _pClient->listObjects(kube::ResourceType::CONFIGMAPS, "", options);
		const Poco::JSON::Array::Ptr items = list->getArray("items");
		for (std::size_t i = 0; !items.isNull() && i < items->size(); ++i)
		{
			const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
			if (item.isNull()) continue;
			Managed entry;
			entry.ns = stringAt(item, "metadata", "namespace");
			entry.name = stringAt(item, "metadata", "name");
			const Poco::JSON::Object::Ptr metadata = item->getObject("metadata");
			entry.imageId = stringAt(metadata.isNull() ? nullptr : metadata->getObject("annotations"), "", IMAGE_ID_ANNOTATION);
			if (entry.imageId.empty())
			{
				_pLogger->warning("configmap: %s/%s has no %s annotation; it is left alone", entry.ns, entry.name, IMAGE_ID_ANNOTATION);
				continue;
			}
			managed.push_back(entry);
		}
		options.continueToken = stringAt(list, "metadata", "continue");
	}
	while (!options.continueToken.empty());
	return managed;
}

std::vector<plugin::StoredImage> ConfigMapTarget::storedImages()
{
	if (!_pClient) throw Poco::IllegalStateException("configmap target used before initialise()");
	std::vector<plugin::StoredImage> images;
	std::map<std::string, std::size_t> index;
	for (const Managed& entry: listManaged())
	{
		const std::string location = entry.ns + "/" + entry.name;
		const auto it = index.find(entry.imageId);
		if (it == index.end())
		{
			index[entry.imageId] = images.size();
			images.push_back({ entry.imageId, "configmap:" + location });
		}
		else
		{
			images[it->second].location += ", " + location;
		}
	}
	return images;
}

std::vector<plugin::ImageResult> ConfigMapTarget::remove(const std::vector<std::string>& imageIds)
{
	if (!_pClient) throw Poco::IllegalStateException("configmap target used before initialise()");
	std::map<std::string, std::string> failures;
	for (const std::string& imageId: imageIds) failures[imageId];
	std::vector<Managed> managed;
	std::string listFailure;
	try
	{
		managed = listManaged();
	}
	catch (Poco::Exception& e)
	{
		listFailure = "cannot list the ConfigMaps: " + e.message();
	}
	for (const Managed& entry: managed)
	{
		const auto it = failures.find(entry.imageId);
		if (it == failures.end()) continue;
		try
		{
			_pClient->remove(kube::ResourceType::CONFIGMAPS, entry.ns, entry.name);
			_pLogger->information("configmap: deleted %s/%s, the SBOM of %s", entry.ns, entry.name, entry.imageId);
		}
		catch (kube::NotFoundException&)
		{
			// Already gone: that is what we wanted.
		}
		catch (Poco::Exception& e)
		{
			if (!it->second.empty()) it->second += "; ";
			it->second += "cannot delete ConfigMap " + entry.ns + "/" + entry.name + ": " + e.message();
		}
	}
	std::vector<plugin::ImageResult> results;
	for (const std::string& imageId: imageIds)
	{
		plugin::ImageResult result;
		result.imageId = imageId;
		result.message = listFailure.empty() ? failures[imageId] : listFailure;
		result.succeeded = result.message.empty();
		results.push_back(result);
	}
	return results;
}

} } // namespace sbomop::targets
