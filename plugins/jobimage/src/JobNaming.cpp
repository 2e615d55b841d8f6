//
// JobNaming.cpp
//

#include "sbomop/jobimage/JobNaming.h"
#include <Poco/Ascii.h>
#include <Poco/NumberFormatter.h>
#include <Poco/String.h>

namespace sbomop {
namespace jobimage {

namespace
{
	std::string trimDashes(const std::string& text)
	{
		const std::string::size_type first = text.find_first_not_of('-');
		if (first == std::string::npos) return std::string();
		const std::string::size_type last = text.find_last_not_of('-');
		return text.substr(first, last - first + 1);
	}

	Poco::UInt32 fnv1a(const std::string& text)
	{
		Poco::UInt32 hash = 2166136261u;
		for (unsigned char c: text)
		{
			hash ^= c;
			hash *= 16777619u;
		}
		return hash;
	}
}


std::string JobNaming::suffix(const std::string& cycleId)
{
	std::string cleaned;
	cleaned.reserve(cycleId.size());
	for (char c: cycleId)
	{
		const char lower = static_cast<char>(Poco::Ascii::toLower(c));
		cleaned += (Poco::Ascii::isDigit(lower) || (lower >= 'a' && lower <= 'z')) ? lower : '-';
	}
	cleaned = trimDashes(cleaned);
	if (cleaned.empty()) return "cycle";
	if (cleaned.size() <= MAX_SUFFIX_LENGTH) return cleaned;
	// Keep the readable start and make the cut unique with a hash of the whole id.
	const std::string hash = Poco::toLower(Poco::NumberFormatter::formatHex(fnv1a(cycleId), 8));
	const std::string head = trimDashes(cleaned.substr(0, MAX_SUFFIX_LENGTH - hash.size() - 1));
	return head.empty() ? hash : head + "-" + hash;
}


std::string JobNaming::jobName(const std::string& cycleId)
{
	return JOB_PREFIX + suffix(cycleId);
}


std::string JobNaming::secretName(const std::string& cycleId)
{
	return SECRET_PREFIX + suffix(cycleId);
}


Poco::JSON::Object::Ptr JobNaming::labels(const std::string& component, const std::string& cycleId)
{
	Poco::JSON::Object::Ptr labels = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	labels->set(MANAGED_BY_LABEL, MANAGED_BY_VALUE);
	labels->set(COMPONENT_LABEL, component);
	labels->set(CYCLE_LABEL, suffix(cycleId));
	return labels;
}


std::string JobNaming::selector(const std::string& component)
{
	return std::string(MANAGED_BY_LABEL) + "=" + MANAGED_BY_VALUE + "," + COMPONENT_LABEL + "=" + component;
}


} } // namespace sbomop::jobimage
