//
// ImageCatalog.h
//
// The container images of the benchmark cluster: application images of a
// private registry, shared sidecar images and shared init-container images,
// each with a stable digest.
//

#ifndef SBOMOP_Bench_ImageCatalog_INCLUDED
#define SBOMOP_Bench_ImageCatalog_INCLUDED

#include <cstddef>
#include <string>
#include <vector>

namespace sbomop {
namespace bench {

struct SeedImage
	/// One image as a pod spec names it and as the container runtime reports it.
{
	std::string repository;  ///< e.g. "registry.example.com/payments/api-17"
	std::string tag;         ///< e.g. "1.4.17"
	std::string digest;      ///< "sha256:<64 hex>"

	std::string specImage() const;
		/// "<repository>:<tag>", what spec.containers[].image says.
	std::string imageId() const;
		/// "<repository>@<digest>", what containerd reports as imageID.
};

class ImageCatalog
	/// Splits `total` images into 90 % application images (one per
	/// application, in the registry path of its namespace), 6 % sidecar
	/// images and 4 % init-container images (both from public registries).
	/// Digests are derived from the image index, so the same arguments give
	/// the same catalog. Immutable after construction; thread-safe.
{
public:
	static const std::string PRIVATE_REGISTRY;
		/// "registry.example.com": the registry the pull secrets are for.

	ImageCatalog(std::size_t total, const std::vector<std::string>& namespaces);
		/// Throws Poco::InvalidArgumentException when `total` is below 20
		/// (each role needs at least one image) or `namespaces` is empty.

	std::size_t appCount() const;
	std::size_t sidecarCount() const;
	std::size_t initCount() const;

	const SeedImage& app(std::size_t index) const;
		/// The image of application `index` (< appCount()).
	const SeedImage& sidecar(std::size_t index) const;
	const SeedImage& init(std::size_t index) const;

	const std::string& appNamespace(std::size_t index) const;
		/// The namespace application `index` runs in.
	const std::string& appName(std::size_t index) const;
		/// e.g. "api-17".

	static std::string sha256Hex(const std::string& text);
		/// Lower-case hex SHA-256 of `text`; the generator's source of
		/// stable pseudo-random identifiers.

private:
	std::vector<SeedImage> _apps;
	std::vector<SeedImage> _sidecars;
	std::vector<SeedImage> _inits;
	std::vector<std::string> _appNamespaces;
	std::vector<std::string> _appNames;
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_ImageCatalog_INCLUDED
