//
// DtrackServerVersion.cpp
//

#include "sbomop/targets/dtrack/DtrackServerVersion.h"
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

namespace sbomop {
namespace targets {

DtrackServerVersion::DtrackServerVersion():
	_major(-1),
	_minor(0),
	_patch(0)
{
}


DtrackServerVersion::DtrackServerVersion(int major, int minor, int patch):
	_major(major),
	_minor(minor),
	_patch(patch)
{
}


DtrackServerVersion DtrackServerVersion::parse(const std::string& text)
{
	// Pre-release and build suffixes ("-SNAPSHOT", "+abc") do not change the API.
	const std::string core = text.substr(0, text.find_first_of("-+"));
	Poco::StringTokenizer parts(core, ".", Poco::StringTokenizer::TOK_TRIM);
	if (parts.count() < 2 || parts.count() > 3) return DtrackServerVersion();
	int numbers[3] = {0, 0, 0};
	for (std::size_t i = 0; i < parts.count(); ++i)
	{
		unsigned value = 0;
		if (!Poco::NumberParser::tryParseUnsigned(parts[i], value) || value > 100000) return DtrackServerVersion();
		numbers[i] = static_cast<int>(value);
	}
	return DtrackServerVersion(numbers[0], numbers[1], numbers[2]);
}


bool DtrackServerVersion::known() const
{
	return _major >= 0;
}


int DtrackServerVersion::majorNumber() const
{
	return _major;
}


int DtrackServerVersion::minorNumber() const
{
	return _minor;
}


int DtrackServerVersion::patchNumber() const
{
	return _patch;
}


std::string DtrackServerVersion::string() const
{
	if (!known()) return "unknown";
	return std::to_string(_major) + "." + std::to_string(_minor) + "." + std::to_string(_patch);
}


bool DtrackServerVersion::atLeast(int major, int minor, int patch) const
{
	if (!known()) return false;
	if (_major != major) return _major > major;
	if (_minor != minor) return _minor > minor;
	return _patch >= patch;
}


bool DtrackServerVersion::acceptsParentInUpload() const
{
	return atLeast(4, 8);
}


bool DtrackServerVersion::acceptsTagsInUpload() const
{
	return atLeast(4, 12);
}


bool DtrackServerVersion::acceptsLatestInUpload() const
{
	return atLeast(4, 12);
}


} } // namespace sbomop::targets
