//
// SecretRedactor.cpp
//

#include "sbomop/logging/SecretRedactor.h"
#include <algorithm>
#include <vector>

namespace sbomop {
namespace logging {

const std::size_t SecretRedactor::MIN_SECRET_LENGTH;
const std::string SecretRedactor::MASK("***");


SecretRedactor::SecretRedactor() = default;


SecretRedactor::~SecretRedactor() = default;


SecretRedactor& SecretRedactor::instance()
{
	// Deliberately leaked: channels may log from other static destructors.
	static SecretRedactor* pInstance = new SecretRedactor;
	return *pInstance;
}


void SecretRedactor::add(const std::string& secret)
{
	if (secret.size() < MIN_SECRET_LENGTH) return;
	Poco::ScopedWriteRWLock lock(_lock);
	_secrets.insert(secret);
}


void SecretRedactor::remove(const std::string& secret)
{
	Poco::ScopedWriteRWLock lock(_lock);
	_secrets.erase(secret);
}


void SecretRedactor::clear()
{
	Poco::ScopedWriteRWLock lock(_lock);
	_secrets.clear();
}


std::size_t SecretRedactor::size() const
{
	Poco::ScopedReadRWLock lock(_lock);
	return _secrets.size();
}


std::string SecretRedactor::redact(const std::string& text) const
{
	std::string result(text);
	redactInPlace(result);
	return result;
}


bool SecretRedactor::redactInPlace(std::string& text) const
{
	// Mark every byte covered by any occurrence first and mask the covered
	// runs afterwards. Replacing one secret after the other would let the
	// first replacement cut an overlapping second secret into fragments that
	// are no longer found.
	std::vector<bool> covered;
	{
		Poco::ScopedReadRWLock lock(_lock);
		for (const auto& secret: _secrets)
		{
			for (std::size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 1))
			{
				if (covered.empty()) covered.resize(text.size(), false);
				std::fill(covered.begin() + pos, covered.begin() + pos + secret.size(), true);
			}
		}
	}
	if (covered.empty()) return false;

	std::string result;
	result.reserve(text.size());
	for (std::size_t i = 0; i < text.size(); ++i)
	{
		if (!covered[i])
			result += text[i];
		else if (i == 0 || !covered[i - 1])
			result += MASK;
	}
	text.swap(result);
	return true;
}


} } // namespace sbomop::logging
