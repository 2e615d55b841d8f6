//
// OciSbomArtifact.cpp
//

#include "sbomop/targets/oci/OciSbomArtifact.h"
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/RegularExpression.h>
#include <Poco/SHA2Engine.h>
#include <sstream>

namespace sbomop {
namespace targets {

const std::string OciSbomArtifact::MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
const std::string OciSbomArtifact::CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
const std::string OciSbomArtifact::IMAGE_ID_ANNOTATION = "ckotzbauer.sbom-operator.io/image-id";

namespace
{
	const std::string ZERO_TIME = "0001-01-01T00:00:00Z";

	Poco::JSON::Object::Ptr orderedObject()
	{
		// Key order matters: the bytes are hashed and should match cosign's.
		return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	}

	std::string compact(const Poco::JSON::Object::Ptr& object)
	{
		std::ostringstream out;
		object->stringify(out);
		return out.str();
	}

	Poco::JSON::Object::Ptr descriptor(const std::string& mediaType, std::size_t size, const std::string& digest)
	{
		Poco::JSON::Object::Ptr result = orderedObject();
		result->set("mediaType", mediaType);
		result->set("size", static_cast<Poco::UInt64>(size));
		result->set("digest", digest);
		return result;
	}

	std::string configFor(const std::string& layerDigest)
	{
		Poco::JSON::Object::Ptr config = orderedObject();
		config->set("architecture", "");
		config->set("created", ZERO_TIME);
		Poco::JSON::Object::Ptr history = orderedObject();
		history->set("created", ZERO_TIME);
		Poco::JSON::Array::Ptr histories = new Poco::JSON::Array;
		histories->add(history);
		config->set("history", histories);
		config->set("os", "");
		Poco::JSON::Object::Ptr rootfs = orderedObject();
		rootfs->set("type", "layers");
		Poco::JSON::Array::Ptr diffIds = new Poco::JSON::Array;
		diffIds->add(layerDigest);
		rootfs->set("diff_ids", diffIds);
		config->set("rootfs", rootfs);
		config->set("config", orderedObject());
		return compact(config);
	}
}

OciSbomArtifact::OciSbomArtifact(const std::string& document, const std::string& layerMediaType, const std::string& imageId):
	_layer(document),
	_layerDigest(digestOf(document)),
	_layerMediaType(layerMediaType),
	_imageId(imageId)
{
	_config = configFor(_layerDigest);
	_configDigest = digestOf(_config);
	Poco::JSON::Object::Ptr manifest = orderedObject();
	manifest->set("schemaVersion", 2);
	manifest->set("mediaType", MANIFEST_MEDIA_TYPE);
	manifest->set("config", descriptor(CONFIG_MEDIA_TYPE, _config.size(), _configDigest));
	Poco::JSON::Array::Ptr layers = new Poco::JSON::Array;
	layers->add(descriptor(_layerMediaType, _layer.size(), _layerDigest));
	manifest->set("layers", layers);
	Poco::JSON::Object::Ptr annotations = orderedObject();
	annotations->set(IMAGE_ID_ANNOTATION, imageId);
	manifest->set("annotations", annotations);
	_manifest = compact(manifest);
	_manifestDigest = digestOf(_manifest);
}

std::string OciSbomArtifact::tagFor(const std::string& digest)
{
	static const Poco::RegularExpression sha256("^sha256:[0-9a-f]{64}$");
	if (!sha256.match(digest)) throw Poco::InvalidArgumentException("not a sha256 image digest: \"" + digest + "\"");
	return "sha256-" + digest.substr(7) + ".sbom";
}

bool OciSbomArtifact::isSbomTag(const std::string& tag)
{
	static const Poco::RegularExpression pattern("^sha256-[0-9a-f]{64}\\.sbom$");
	return pattern.match(tag);
}

std::string OciSbomArtifact::digestOf(const std::string& data)
{
	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(data);
	return "sha256:" + Poco::DigestEngine::digestToHex(engine.digest());
}

std::string OciSbomArtifact::imageIdOf(const std::string& manifest)
{
	Poco::JSON::Parser parser;
	const Poco::Dynamic::Var parsed = parser.parse(manifest);
	const Poco::JSON::Object::Ptr object = parsed.extract<Poco::JSON::Object::Ptr>();
	const Poco::JSON::Object::Ptr annotations = object->getObject("annotations");
	if (annotations.isNull() || !annotations->has(IMAGE_ID_ANNOTATION)) return std::string();
	return annotations->getValue<std::string>(IMAGE_ID_ANNOTATION);
}

} } // namespace sbomop::targets
