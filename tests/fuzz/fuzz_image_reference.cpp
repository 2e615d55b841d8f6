//
// fuzz_image_reference.cpp
//
// ImageReference::parse on arbitrary text: only InvalidImageReferenceException
// may escape, and every accepted reference must survive a round trip through
// its normalised and familiar forms.
//

#include "FuzzCheck.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/image/ImageReference.h"
#include <cstddef>
#include <cstdint>
#include <string>

using sbomop::fuzz::check;
using sbomop::image::ImageReference;
using sbomop::image::InvalidImageReferenceException;

namespace {

// The name limit applies to the name as written, so normalisation may make
// a long accepted name too long to parse again (`docker.io/library/` is added).
const std::size_t NAME_MAX = 255;


void checkRoundTrip(const std::string& input, const ImageReference& ref, const std::string& name, const std::string& form)
{
	if (name.size() > NAME_MAX) return;
	ImageReference again;
	try
	{
		again = ImageReference::parse(form);
	}
	catch (InvalidImageReferenceException& exc)
	{
		sbomop::fuzz::invariantFailed("a printed reference parses again", input + " -> " + form + ": " + exc.displayText());
	}
	check(again == ref, "a printed reference parses to the same reference", input + " -> " + form + " -> " + again.string());
}

// Docker's familiar form is ambiguous for Docker Hub repositories whose first
// component looks like a host (`docker.io/localhost/x` prints `localhost/x`)
// or that are a 64-digit hex string; Docker has the same ambiguity.
bool familiarIsAmbiguous(const ImageReference& ref)
{
	if (ref.registry() != ImageReference::DEFAULT_REGISTRY) return false;
	const std::string familiar = ref.familiarName();
	const std::string first = familiar.substr(0, familiar.find('/'));
	if (familiar.find('/') != std::string::npos && (first.find_first_of(".:") != std::string::npos || first == "localhost")) return true;
	return familiar.size() == 64 && familiar.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input(reinterpret_cast<const char*>(data), size);

	// The validators must never throw, whatever the text.
	ImageReference::isValidRegistryHost(input);
	ImageReference::isValidRepositoryPath(input);
	const bool validDigest = ImageReference::isValidDigest(input);

	ImageReference ref;
	try
	{
		ref = ImageReference::parse(input);
	}
	catch (InvalidImageReferenceException&)
	{
		return 0;
	}

	check(!ref.isEmpty(), "an accepted reference is not empty", input);
	check(!ref.registry().empty(), "an accepted reference has a registry", input);
	check(ImageReference::isValidRegistryHost(ref.registry()), "the registry is a valid host", input + " -> " + ref.registry());
	check(ImageReference::isValidRepositoryPath(ref.repository()), "the repository is a valid path", input + " -> " + ref.repository());
	check(!ref.hasDigest() || ImageReference::isValidDigest(ref.digest()), "the digest is valid", input);
	check(ref.string().find(ref.name()) == 0, "string() starts with name()", input);

	// string() adds the implied `latest`: without tag and digest the printed
	// form parses to the reference with tag `latest`.
	if (ref.hasTag() || ref.hasDigest())
	{
		checkRoundTrip(input, ref, ref.name(), ref.string());
	}
	else if (ref.name().size() <= NAME_MAX)
	{
		const ImageReference latest = ImageReference::parse(ref.name() + ":" + ImageReference::DEFAULT_TAG);
		check(latest.tag() == ImageReference::DEFAULT_TAG && latest.withoutTag() == ref, "name():latest is the reference with tag latest", input);
		checkRoundTrip(input, latest, ref.name(), ref.string());
	}
	if (!familiarIsAmbiguous(ref)) checkRoundTrip(input, ref, ref.familiarName(), ref.familiarString());

	const ImageReference untagged = ref.withoutTag();
	check(!untagged.hasTag() && untagged.digest() == ref.digest(), "withoutTag() keeps only the digest", input);
	if (validDigest)
	{
		const ImageReference pinned = ref.withDigest(input);
		check(pinned.digest() == input, "withDigest() sets the digest", input);
	}
	return 0;
}
