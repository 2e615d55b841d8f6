//
// ImageReference.cpp
//

#include "sbomop/image/ImageReference.h"
#include "sbomop/image/ImageException.h"
#include <Poco/RegularExpression.h>
#include <ostream>
#include <tuple>

namespace sbomop {
namespace image {

namespace {

const std::string LEGACY_DEFAULT_REGISTRY = "index.docker.io";
const std::string OFFICIAL_REPO_PREFIX = "library/";
const std::size_t NAME_TOTAL_LENGTH_MAX = 255;


enum class Syntax { HOST, PATH_COMPONENT, TAG, DIGEST, HEX64 };


// Patterns are anchored on both ends; RE_DOLLAR_ENDONLY keeps `$` from
// accepting a trailing newline.
const Poco::RegularExpression& regex(Syntax syntax)
{
	static const int OPTIONS = Poco::RegularExpression::RE_DOLLAR_ENDONLY;
	static const Poco::RegularExpression HOST(
		"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
		"(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
		"|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$", OPTIONS);
	// `[-]+` where distribution/reference writes `[-]*`: the same language,
	// but an empty separator makes PCRE backtrack exponentially and give up
	// (match limit) on a long component followed by an invalid byte.
	static const Poco::RegularExpression PATH_COMPONENT(
		"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$", OPTIONS);
	static const Poco::RegularExpression TAG("^[\\w][\\w.-]{0,127}$", OPTIONS);
	static const Poco::RegularExpression DIGEST(
		"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$", OPTIONS);
	static const Poco::RegularExpression HEX64("^[a-f0-9]{64}$", OPTIONS);

	switch (syntax)
	{
	case Syntax::HOST: return HOST;
	case Syntax::PATH_COMPONENT: return PATH_COMPONENT;
	case Syntax::TAG: return TAG;
	case Syntax::DIGEST: return DIGEST;
	case Syntax::HEX64: break;
	}
	return HEX64;
}


bool matches(Syntax syntax, const std::string& subject)
{
	return !subject.empty() && regex(syntax).match(subject);
}


bool hasUpper(const std::string& s)
{
	for (char c: s)
	{
		if (c >= 'A' && c <= 'Z') return true;
	}
	return false;
}


[[noreturn]] void fail(const std::string& input, const std::string& problem)
{
	throw InvalidImageReferenceException("\"" + input + "\": " + problem);
}


// Returns an empty string for a valid digest, otherwise the problem.
std::string digestProblem(const std::string& digest)
{
	if (!matches(Syntax::DIGEST, digest)) return "invalid digest \"" + digest + "\"";
	const std::string::size_type colon = digest.find(':');
	const std::string algorithm = digest.substr(0, colon);
	const std::string hex = digest.substr(colon + 1);
	std::size_t expected = 0;
	if (algorithm == "sha256") expected = 64;
	else if (algorithm == "sha384") expected = 96;
	else if (algorithm == "sha512") expected = 128;
	else return "unsupported digest algorithm \"" + algorithm + "\"";
	if (hex.size() != expected || hasUpper(hex))
	{
		return "invalid digest \"" + digest + "\": " + algorithm + " needs " + std::to_string(expected) + " lowercase hex digits";
	}
	return std::string();
}


bool isValidPath(const std::string& path)
{
	if (path.empty()) return false;
	std::string::size_type start = 0;
	while (true)
	{
		const std::string::size_type slash = path.find('/', start);
		const std::string component = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
		if (!matches(Syntax::PATH_COMPONENT, component)) return false;
		if (slash == std::string::npos) return true;
		start = slash + 1;
	}
}


// Docker's rule: the first component is a host if it looks like one.
bool looksLikeHost(const std::string& component)
{
	return component.find_first_of(".:") != std::string::npos || component == "localhost" || hasUpper(component);
}

} // namespace


const std::string ImageReference::DEFAULT_REGISTRY = "docker.io";
const std::string ImageReference::DEFAULT_TAG = "latest";


ImageReference::ImageReference()
{
}


ImageReference::ImageReference(const std::string& registry, const std::string& repository, const std::string& tag, const std::string& digest):
	_registry(registry),
	_repository(repository),
	_tag(tag),
	_digest(digest)
{
}


ImageReference ImageReference::parse(const std::string& reference)
{
	if (reference.empty()) fail(reference, "empty reference");

	std::string rest = reference;
	std::string digest;
	const std::string::size_type at = rest.find('@');
	if (at != std::string::npos)
	{
		digest = rest.substr(at + 1);
		rest.erase(at);
		const std::string problem = digestProblem(digest);
		if (!problem.empty()) fail(reference, problem);
	}

	std::string tag;
	const std::string::size_type colon = rest.rfind(':');
	const std::string::size_type lastSlash = rest.rfind('/');
	if (colon != std::string::npos && (lastSlash == std::string::npos || colon > lastSlash))
	{
		tag = rest.substr(colon + 1);
		rest.erase(colon);
		if (!matches(Syntax::TAG, tag)) fail(reference, "invalid tag \"" + tag + "\"");
	}

	const std::string& name = rest;
	if (name.empty()) fail(reference, "missing repository name");
	if (name.size() > NAME_TOTAL_LENGTH_MAX)
	{
		fail(reference, "repository name must not be longer than " + std::to_string(NAME_TOTAL_LENGTH_MAX) + " characters");
	}

	std::string registry;
	std::string path;
	const std::string::size_type firstSlash = name.find('/');
	if (firstSlash != std::string::npos && looksLikeHost(name.substr(0, firstSlash)))
	{
		registry = name.substr(0, firstSlash);
		path = name.substr(firstSlash + 1);
		if (!matches(Syntax::HOST, registry)) fail(reference, "invalid registry host \"" + registry + "\"");
	}
	else
	{
		registry = DEFAULT_REGISTRY;
		path = name;
		if (matches(Syntax::HEX64, path)) fail(reference, "repository name must not be a 64-character hexadecimal string");
	}

	if (hasUpper(path)) fail(reference, "repository name must be lowercase");
	if (!isValidPath(path)) fail(reference, "invalid repository path \"" + path + "\"");

	if (registry == LEGACY_DEFAULT_REGISTRY) registry = DEFAULT_REGISTRY;
	if (registry == DEFAULT_REGISTRY && path.find('/') == std::string::npos) path = OFFICIAL_REPO_PREFIX + path;

	return ImageReference(registry, path, tag, digest);
}


bool ImageReference::isValidRegistryHost(const std::string& host)
{
	return matches(Syntax::HOST, host);
}


bool ImageReference::isValidRepositoryPath(const std::string& path)
{
	return isValidPath(path);
}


bool ImageReference::isValidDigest(const std::string& digest)
{
	return digestProblem(digest).empty();
}


std::string ImageReference::name() const
{
	if (isEmpty()) return std::string();
	return _registry + "/" + _repository;
}


std::string ImageReference::familiarName() const
{
	if (_registry == DEFAULT_REGISTRY)
	{
		// Only official images (`library/x`, one component after the prefix) are shortened.
		if (_repository.compare(0, OFFICIAL_REPO_PREFIX.size(), OFFICIAL_REPO_PREFIX) == 0
			&& _repository.find('/', OFFICIAL_REPO_PREFIX.size()) == std::string::npos)
		{
			return _repository.substr(OFFICIAL_REPO_PREFIX.size());
		}
		return _repository;
	}
	return name();
}


std::string ImageReference::familiarString() const
{
	std::string result = familiarName();
	if (hasTag()) result += ":" + _tag;
	if (hasDigest()) result += "@" + _digest;
	return result;
}


std::string ImageReference::string() const
{
	if (isEmpty()) return std::string();
	std::string result = name();
	if (hasTag()) result += ":" + _tag;
	else if (!hasDigest()) result += ":" + DEFAULT_TAG;
	if (hasDigest()) result += "@" + _digest;
	return result;
}


ImageReference ImageReference::withDigest(const std::string& digest) const
{
	const std::string problem = digestProblem(digest);
	if (!problem.empty()) fail(name(), problem);
	return ImageReference(_registry, _repository, _tag, digest);
}


ImageReference ImageReference::withoutTag() const
{
	return ImageReference(_registry, _repository, std::string(), _digest);
}


bool ImageReference::operator == (const ImageReference& other) const
{
	return std::tie(_registry, _repository, _tag, _digest) == std::tie(other._registry, other._repository, other._tag, other._digest);
}


bool ImageReference::operator < (const ImageReference& other) const
{
	return std::tie(_registry, _repository, _tag, _digest) < std::tie(other._registry, other._repository, other._tag, other._digest);
}


std::ostream& operator << (std::ostream& ostr, const ImageReference& reference)
{
	return ostr << reference.string();
}


} } // namespace sbomop::image
