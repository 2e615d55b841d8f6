//
// ImageRef.cpp
//
// Part of the Syft test double.
//

#include "ImageRef.h"
#include <Poco/Exception.h>

namespace sbomop {
namespace syftdouble {

ImageRef ImageRef::parse(const std::string& text)
{
	if (text.empty()) throw Poco::SyntaxException("empty image reference");
	ImageRef ref;
	std::string rest = text;
	const std::string::size_type at = rest.find('@');
	if (at != std::string::npos)
	{
		ref.digest = rest.substr(at + 1);
		rest.erase(at);
		if (ref.digest.compare(0, 7, "sha256:") != 0 || ref.digest.size() != 71)
			throw Poco::SyntaxException("could not parse reference: " + text);
	}
	const std::string::size_type slash = rest.find('/');
	const std::string first = rest.substr(0, slash);
	if (slash != std::string::npos && (first.find('.') != std::string::npos || first.find(':') != std::string::npos || first == "localhost"))
	{
		ref.registry = first;
		rest.erase(0, slash + 1);
	}
	else
	{
		ref.registry = "index.docker.io";
	}
	const std::string::size_type colon = rest.rfind(':');
	if (colon != std::string::npos)
	{
		ref.tag = rest.substr(colon + 1);
		rest.erase(colon);
	}
	if (rest.empty() || ref.registry.empty()) throw Poco::SyntaxException("could not parse reference: " + text);
	if (ref.registry == "index.docker.io" && rest.find('/') == std::string::npos) rest = "library/" + rest;
	ref.repository = rest;
	if (ref.tag.empty() && ref.digest.empty()) ref.tag = "latest";
	return ref;
}


std::string ImageRef::reference() const
{
	return digest.empty() ? tag : digest;
}


std::string ImageRef::toString() const
{
	std::string text = registry + "/" + repository;
	if (!tag.empty()) text += ":" + tag;
	if (!digest.empty()) text += "@" + digest;
	return text;
}


} } // namespace sbomop::syftdouble
