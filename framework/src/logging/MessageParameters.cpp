//
// MessageParameters.cpp
//

#include "MessageParameters.h"
#include <Poco/Version.h>

namespace sbomop {
namespace logging {

namespace {

// Poco::Message keeps its parameters in the private member `_pMap` and has no
// accessor for the whole map. The standard waives access checks for the
// names in an explicit template instantiation (C++17 [temp.explicit]), which lets
// us name the member pointer here without touching Poco. If a Poco release
// renames the member or changes its type, this stops compiling instead of
// misbehaving at run time.
static_assert(POCO_VERSION >= 0x010B0000, "Poco 1.11 or newer is required");

using ParameterMapMember = std::map<std::string, std::string>* Poco::Message::*;

struct ParameterMapTag
{
};

ParameterMapMember parameterMapMember(ParameterMapTag);

template <ParameterMapMember Member>
struct ParameterMapAccess
{
	friend ParameterMapMember parameterMapMember(ParameterMapTag)
	{
		return Member;
	}
};

template struct ParameterMapAccess<&Poco::Message::_pMap>;

} // namespace


const MessageParameters::Map* MessageParameters::of(const Poco::Message& msg)
{
	const Map* pMap = msg.*parameterMapMember(ParameterMapTag());
	return (pMap && !pMap->empty()) ? pMap : nullptr;
}


} } // namespace sbomop::logging
