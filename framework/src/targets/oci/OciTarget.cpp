//
// OciTarget.cpp
//

#include "sbomop/targets/oci/OciTarget.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/targets/oci/OciException.h"
#include "sbomop/targets/oci/OciSbomArtifact.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace sbomop {
namespace targets {

using config::BuiltinKeys;
using config::ConfigException;

namespace
{
	const std::string TARGET_NAME = "oci";

	OciRegistryClient::Options clientOptions(const Poco::Util::AbstractConfiguration& config)
	{
		OciRegistryClient::Options options;
		options.username = config.getString(BuiltinKeys::OCI_USER, "");
		options.password = config.getString(BuiltinKeys::OCI_TOKEN, "");
		options.caCertFile = config.getString(BuiltinKeys::OCI_CA_CERT_FILE, "");
		options.insecureSkipTlsVerify = config.getBool(BuiltinKeys::OCI_INSECURE_SKIP_TLS_VERIFY, false);
		return options;
	}
}

OciTarget::OciTarget():
	_pLogger(&Poco::Logger::get("sbomop.target.oci"))
{
}

OciTarget::~OciTarget()
{
}

std::string OciTarget::name() const
{
	return TARGET_NAME;
}

void OciTarget::validate(const Poco::Util::AbstractConfiguration& config) const
{
	const std::string value = config.getString(BuiltinKeys::OCI_REGISTRY, "");
	if (value.empty()) throw ConfigException::missingValue(BuiltinKeys::OCI_REGISTRY, "required by target oci");
	try
	{
		OciRepository::parse(value);
	}
	catch (Poco::SyntaxException& e)
	{
		throw ConfigException::invalidValue(BuiltinKeys::OCI_REGISTRY, value, false, "", e.message(),
			"[https://|http://]registry[:port]/repository, e.g. registry.example.com/sboms");
	}
	const OciRegistryClient::Options options = clientOptions(config);
	if (options.username.empty() != options.password.empty())
	{
		throw ConfigException::missingValue(options.username.empty() ? BuiltinKeys::OCI_USER : BuiltinKeys::OCI_TOKEN,
			"oci-user and oci-token go together");
	}
	if (!options.caCertFile.empty())
	{
		try
		{
			Poco::FileInputStream probe(options.caCertFile);
		}
		catch (Poco::Exception& e)
		{
			throw ConfigException::invalidValue(BuiltinKeys::OCI_CA_CERT_FILE, options.caCertFile, false, "",
				"cannot read the file: " + e.message(), "a readable PEM file");
		}
	}
}

void OciTarget::initialise(plugin::BackendContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	_pLogger = &context.logger();
	_repository = OciRepository::parse(config.getString(BuiltinKeys::OCI_REGISTRY, ""));
	const OciRegistryClient::Options options = clientOptions(config);
	_client.reset(new OciRegistryClient(_repository, options));
	if (options.insecureSkipTlsVerify)
	{
		_pLogger->warning("oci: TLS VERIFICATION IS DISABLED for %s (oci-insecure-skip-tls-verify): anyone on the network path "
			"can read the registry credentials and replace the SBOMs", _repository.registry());
	}
	if (_repository.scheme() == "http")
	{
		_pLogger->warning("oci: %s is reached over plain http: credentials and SBOMs travel unencrypted", _repository.registry());
	}
	_pLogger->information("oci: storing SBOMs in %s as tags sha256-<digest>.sbom", _repository.toString());
}

Target::StoreResult OciTarget::store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format)
{
	StoreResult result;
	if (!_client) throw Poco::IllegalStateException("oci target used before initialise()");
	std::string tag;
	try
	{
		tag = OciSbomArtifact::tagFor(imageDigest(image));
	}
	catch (Poco::InvalidArgumentException& e)
	{
		result.message = "cannot name the SBOM of " + image.imageId + " in " + _repository.toString() + ": " + e.message();
		return result;
	}
	const OciSbomArtifact artifact(document, format.mediaType(), image.imageId);
	try
	{
		_client->pushBlob(artifact.layer(), artifact.layerDigest());
		_client->pushBlob(artifact.config(), artifact.configDigest());
		_client->putManifest(tag, OciSbomArtifact::MANIFEST_MEDIA_TYPE, artifact.manifest());
	}
	catch (OciException& e)
	{
		result.message = "cannot push the SBOM to " + _repository.toString() + ": " + e.message();
		return result;
	}
	result.stored = true;
	result.location = "oci:" + _repository.toString() + ":" + tag;
	_pLogger->debug("oci: pushed the SBOM of %s to %s (%z bytes, %s)", image.imageId, result.location, document.size(),
		format.mediaType());
	return result;
}

std::vector<plugin::StoredImage> OciTarget::storedImages()
{
	if (!_client) throw Poco::IllegalStateException("oci target used before initialise()");
	std::vector<plugin::StoredImage> images;
	for (const std::string& tag: _client->listTags())
	{
		if (!OciSbomArtifact::isSbomTag(tag)) continue;
		std::string manifest;
		std::string digest;
		// Deleted between listing and reading: nothing held.
		if (!_client->getManifest(tag, manifest, digest)) continue;
		std::string imageId;
		try
		{
			imageId = OciSbomArtifact::imageIdOf(manifest);
		}
		catch (Poco::Exception& e)
		{
			_pLogger->warning("oci: %s:%s has an unreadable manifest (%s); it is left alone", _repository.toString(), tag, e.displayText());
			continue;
		}
		if (imageId.empty())
		{
			_pLogger->warning("oci: %s:%s has no %s annotation (written by another tool?); it is left alone",
				_repository.toString(), tag, OciSbomArtifact::IMAGE_ID_ANNOTATION);
			continue;
		}
		images.push_back({ imageId, "oci:" + _repository.toString() + ":" + tag });
	}
	return images;
}

std::vector<plugin::ImageResult> OciTarget::remove(const std::vector<std::string>& imageIds)
{
	if (!_client) throw Poco::IllegalStateException("oci target used before initialise()");
	std::vector<plugin::ImageResult> results;
	for (const std::string& imageId: imageIds)
	{
		plugin::ImageResult result;
		result.imageId = imageId;
		try
		{
			plugin::ImageTask image;
			image.imageId = imageId;
			std::string tag;
			try
			{
				tag = OciSbomArtifact::tagFor(imageDigest(image));
			}
			catch (Poco::InvalidArgumentException&)
			{
				// No sha256 digest: this target never stored such an image.
				result.succeeded = true;
				results.push_back(result);
				continue;
			}
			std::string manifest;
			std::string digest;
			if (_client->getManifest(tag, manifest, digest) && OciSbomArtifact::imageIdOf(manifest) == imageId)
			{
				_client->deleteManifest(digest);
				_pLogger->information("oci: deleted %s:%s (%s), the SBOM of %s", _repository.toString(), tag, digest, imageId);
			}
			result.succeeded = true;
		}
		catch (Poco::Exception& e)
		{
			result.message = "cannot delete the SBOM of " + imageId + " from " + _repository.toString() + ": " + e.message();
		}
		results.push_back(result);
	}
	return results;
}

std::string OciTarget::imageDigest(const plugin::ImageTask& image)
{
	if (!image.digest.empty()) return image.digest;
	const std::string::size_type at = image.imageId.rfind('@');
	return at == std::string::npos ? std::string() : image.imageId.substr(at + 1);
}

} } // namespace sbomop::targets
