//
// ConfigMapNaming.cpp
//

#include "sbomop/targets/configmap/ConfigMapNaming.h"
#include <Poco/Ascii.h>
#include <Poco/DigestEngine.h>
#include <Poco/RegularExpression.h>
#include <Poco/SHA2Engine.h>

namespace sbomop {
namespace targets {

namespace
{
	bool isLowerAlnum(char c)
	{
		return Poco::Ascii::isDigit(c) || (c >= 'a' && c <= 'z');
	}

	void trimDashes(std::string& text)
	{
		while (!text.empty() && text.back() == '-') text.pop_back();
		std::size_t start = 0;
		while (start < text.size() && text[start] == '-') ++start;
		text.erase(0, start);
	}
}

std::string ConfigMapNaming::nameFor(const std::string& podName, const std::string& containerName)
{
	const std::string candidate = podName + "-" + containerName;
	if (isValidName(candidate)) return candidate;

	std::string base;
	for (char c: candidate)
	{
		const char lower = Poco::Ascii::toLower(c);
		if (isLowerAlnum(lower)) base += lower;
		else if (base.empty() || base.back() != '-') base += '-';
	}
	trimDashes(base);
	const std::size_t room = MAX_LENGTH - 1 - HASH_LENGTH;
	if (base.size() > room) base.resize(room);
	trimDashes(base);

	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(candidate);
	const std::string hash = Poco::DigestEngine::digestToHex(engine.digest()).substr(0, HASH_LENGTH);
	return base.empty() ? hash : base + "-" + hash;
}

bool ConfigMapNaming::isValidName(const std::string& name)
{
	static const Poco::RegularExpression subdomain("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
	return !name.empty() && name.size() <= MAX_LENGTH && subdomain.match(name);
}

} } // namespace sbomop::targets
