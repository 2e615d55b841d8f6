//
// DtrackProjectNaming.h
//
// How an image becomes a Dependency-Track project: its name, version, tags
// and parent, following the Go sbom-operator so that existing portfolios
// keep their projects.
//

#ifndef SBOMOP_Targets_DtrackProjectNaming_INCLUDED
#define SBOMOP_Targets_DtrackProjectNaming_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/plugin/BackendTypes.h"
#include <Poco/RegularExpression.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace targets {

class SBOMOP_API DtrackProjectNaming
	/// Names and tags, as the Go operator wrote them:
	///
	///   - name: the repository of the image ID, `docker.io/library/nginx`;
	///     with `useShortName` without the registry, `library/nginx`; in
	///     prefix mode `<clusterId>-` is prepended;
	///   - version: the digest when the pod spec image names one, else its
	///     tag, else `latest`; when the spec image is itself a bare `sha256`
	///     id, the image ID's digest;
	///   - a pod annotation `<projectNameAnnotationKey>/<container>` with
	///     `name[:version]` replaces both (the version defaults to `latest`,
	///     the value is split at `:` as the Go operator did; no cluster prefix);
	///   - tags: `kubernetes-cluster=<clusterId>` (tag mode only),
	///     `sbom-operator`, `raw-image-id=<imageId>`, `namespace=<ns>` for
	///     every namespace of the image's pods, and `key=value` for every pod
	///     label whose key the `labelTagMatcher` regular expression finds (all
	///     labels when it is empty);
	///   - parent: a pod annotation `<parentAnnotationKey>/<container>` with
	///     `name[:version]`, otherwise `defaultParentProject` (a UUID).
	///
	/// Annotations are looked up for the image's containers in order; the
	/// first container that has one decides.
	///
	/// Immutable after construction; thread-safe.
{
public:
	static const std::string TAG_SBOM_OPERATOR;      ///< `sbom-operator`
	static const std::string TAG_KEY_CLUSTER;        ///< `kubernetes-cluster`
	static const std::string TAG_KEY_RAW_IMAGE_ID;   ///< `raw-image-id`
	static const std::string TAG_KEY_NAMESPACE;      ///< `namespace`

	struct Settings
	{
		std::string clusterId = "default";
		bool prefixMode = false;               ///< cluster-id mode `prefix` instead of `tag`
		bool useShortName = false;
		std::string labelTagMatcher;           ///< regular expression on label keys; "" = all
		std::string parentAnnotationKey;       ///< "" = no parent annotations
		std::string projectNameAnnotationKey;  ///< "" = no name annotations
		std::string defaultParentProject;      ///< UUID or ""
	};

	struct Description
		/// The project an image is stored in.
	{
		std::string name;
		std::string version;
		std::vector<std::string> tags;         ///< in the order listed above, no duplicates
		std::string parentName;                ///< from the annotation; "" = none
		std::optional<std::string> parentVersion;  ///< absent: any root project of that name
		std::string parentUuid;                ///< the default parent when no annotation names one
	};

	explicit DtrackProjectNaming(const Settings& settings);
		/// Throws Poco::RegularExpressionException for an invalid matcher.

	const Settings& settings() const;

	Description describe(const plugin::ImageTask& image) const;
		/// The project of `image`. Throws image::InvalidImageReferenceException
		/// when image.imageId cannot be parsed.

	std::string clusterTag() const;
		/// `kubernetes-cluster=<clusterId>`.

	std::vector<std::string> mergeTags(const std::vector<std::string>& existing, const std::vector<std::string>& wanted) const;
		/// The tags a project should carry after an upload: `existing` without
		/// any `raw-image-id=` tag (the image behind a name and version may
		/// change) and, in prefix mode, without this cluster's tag; then every
		/// tag of `wanted` not yet present.

	static std::pair<std::string, std::optional<std::string>> splitNameVersion(const std::string& value);
		/// `name[:version]` of an annotation, split as the Go operator did:
		/// the name ends at the first `:`; the version is the rest only when
		/// there is exactly one `:` (`a:b:c` gives `a` without version).

private:
	std::string annotationFor(const plugin::ImageTask& image, const std::string& key) const;
	std::string imageName(const plugin::ImageTask& image) const;
	std::string imageVersion(const plugin::ImageTask& image) const;
	bool labelSelected(const std::string& key) const;

	Settings _settings;
	std::shared_ptr<Poco::RegularExpression> _matcher;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackProjectNaming_INCLUDED
