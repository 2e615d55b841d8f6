//
// DtrackProjectNaming.cpp
//

#include "sbomop/targets/dtrack/DtrackProjectNaming.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/image/ImageReference.h"
#include <Poco/StringTokenizer.h>
#include <algorithm>

namespace sbomop {
namespace targets {

const std::string DtrackProjectNaming::TAG_SBOM_OPERATOR = "sbom-operator";
const std::string DtrackProjectNaming::TAG_KEY_CLUSTER = "kubernetes-cluster";
const std::string DtrackProjectNaming::TAG_KEY_RAW_IMAGE_ID = "raw-image-id";
const std::string DtrackProjectNaming::TAG_KEY_NAMESPACE = "namespace";

namespace
{
	void addUnique(std::vector<std::string>& tags, const std::string& tag)
	{
		if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
	}
}


DtrackProjectNaming::DtrackProjectNaming(const Settings& settings):
	_settings(settings)
{
	if (!settings.labelTagMatcher.empty()) _matcher = std::make_shared<Poco::RegularExpression>(settings.labelTagMatcher);
}


const DtrackProjectNaming::Settings& DtrackProjectNaming::settings() const
{
	return _settings;
}


DtrackProjectNaming::Description DtrackProjectNaming::describe(const plugin::ImageTask& image) const
{
	Description description;
	const std::string nameAnnotation = annotationFor(image, _settings.projectNameAnnotationKey);
	if (!nameAnnotation.empty())
	{
		const auto parts = splitNameVersion(nameAnnotation);
		description.name = parts.first;
		description.version = parts.second.value_or("latest");
	}
	// As in the Go operator, a half-usable annotation ("name:") falls back to the image.
	if (description.name.empty() || description.version.empty())
	{
		description.name = imageName(image);
		description.version = imageVersion(image);
	}

	if (!_settings.prefixMode) addUnique(description.tags, clusterTag());
	addUnique(description.tags, TAG_SBOM_OPERATOR);
	addUnique(description.tags, TAG_KEY_RAW_IMAGE_ID + "=" + image.imageId);
	for (const auto& container: image.containers)
	{
		if (!container.namespaceName.empty()) addUnique(description.tags, TAG_KEY_NAMESPACE + "=" + container.namespaceName);
	}
	for (const auto& container: image.containers)
	{
		for (const auto& label: container.podLabels)
		{
			if (labelSelected(label.first)) addUnique(description.tags, label.first + "=" + label.second);
		}
	}

	const std::string parentAnnotation = annotationFor(image, _settings.parentAnnotationKey);
	if (!parentAnnotation.empty())
	{
		const auto parts = splitNameVersion(parentAnnotation);
		description.parentName = parts.first;
		description.parentVersion = parts.second;
	}
	if (description.parentName.empty()) description.parentUuid = _settings.defaultParentProject;
	return description;
}


std::string DtrackProjectNaming::clusterTag() const
{
	return TAG_KEY_CLUSTER + "=" + _settings.clusterId;
}


std::vector<std::string> DtrackProjectNaming::mergeTags(const std::vector<std::string>& existing, const std::vector<std::string>& wanted) const
{
	const std::string rawPrefix = TAG_KEY_RAW_IMAGE_ID + "=";
	std::vector<std::string> merged;
	for (const auto& tag: existing)
	{
		if (tag.compare(0, rawPrefix.size(), rawPrefix) == 0) continue;
		if (_settings.prefixMode && tag == clusterTag()) continue;
		addUnique(merged, tag);
	}
	for (const auto& tag: wanted) addUnique(merged, tag);
	return merged;
}


std::pair<std::string, std::optional<std::string>> DtrackProjectNaming::splitNameVersion(const std::string& value)
{
	const std::string::size_type first = value.find(':');
	if (first == std::string::npos) return {value, std::nullopt};
	const std::string name = value.substr(0, first);
	if (value.find(':', first + 1) != std::string::npos) return {name, std::nullopt};
	return {name, value.substr(first + 1)};
}


std::string DtrackProjectNaming::annotationFor(const plugin::ImageTask& image, const std::string& key) const
{
	if (key.empty()) return std::string();
	for (const auto& container: image.containers)
	{
		auto it = container.podAnnotations.find(key + "/" + container.containerName);
		if (it != container.podAnnotations.end() && !it->second.empty()) return it->second;
	}
	return std::string();
}


std::string DtrackProjectNaming::imageName(const plugin::ImageTask& image) const
{
	const image::ImageReference id = image::ImageReference::parse(image.imageId);
	const std::string prefix = _settings.prefixMode ? _settings.clusterId + "-" : std::string();
	return prefix + (_settings.useShortName ? id.repository() : id.name());
}


std::string DtrackProjectNaming::imageVersion(const plugin::ImageTask& image) const
{
	std::string spec = image.originalReference;
	if (spec.empty() && !image.containers.empty()) spec = image.containers.front().specImage;
	// A spec image that is an image id ("sha256:...") names no tag: use the digest that runs.
	if (!spec.empty() && spec.compare(0, 6, "sha256") != 0)
	{
		try
		{
			const image::ImageReference reference = image::ImageReference::parse(spec);
			if (reference.hasDigest()) return reference.digest();
			return reference.hasTag() ? reference.tag() : image::ImageReference::DEFAULT_TAG;
		}
		catch (image::InvalidImageReferenceException&)
		{
			// Unparsable spec images were skipped by the Go operator; the digest still identifies the image.
		}
	}
	const image::ImageReference id = image::ImageReference::parse(image.imageId);
	if (id.hasDigest()) return id.digest();
	return id.hasTag() ? id.tag() : image::ImageReference::DEFAULT_TAG;
}


bool DtrackProjectNaming::labelSelected(const std::string& key) const
{
	if (!_matcher) return true;
	Poco::RegularExpression::Match match;
	return _matcher->match(key, 0, match) > 0;
}


} } // namespace sbomop::targets
