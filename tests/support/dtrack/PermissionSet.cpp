//
// PermissionSet.cpp
//

#include "dtrack/PermissionSet.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace sbomop {
namespace dtracksim {

namespace
{
	const Permission ALL_PERMISSIONS[] = {
		Permission::BOM_UPLOAD,
		Permission::PROJECT_CREATION_UPLOAD,
		Permission::VIEW_PORTFOLIO,
		Permission::PORTFOLIO_MANAGEMENT
	};
}

PermissionSet::PermissionSet():
	_bits(0)
{
}

PermissionSet::PermissionSet(std::initializer_list<Permission> permissions):
	_bits(0)
{
	for (Permission p: permissions) add(p);
}

PermissionSet PermissionSet::all()
{
	PermissionSet set;
	for (Permission p: ALL_PERMISSIONS) set.add(p);
	return set;
}

PermissionSet PermissionSet::parse(const std::string& list)
{
	PermissionSet set;
	Poco::StringTokenizer tokens(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& token: tokens)
	{
		if (Poco::icompare(token, "ALL") == 0)
		{
			set = all();
			continue;
		}
		bool known = false;
		for (Permission p: ALL_PERMISSIONS)
		{
			if (name(p) == token)
			{
				set.add(p);
				known = true;
			}
		}
		if (!known) throw Poco::InvalidArgumentException("unknown permission", token);
	}
	return set;
}

bool PermissionSet::has(Permission permission) const
{
	return (_bits & static_cast<unsigned>(permission)) != 0;
}

bool PermissionSet::hasAny(std::initializer_list<Permission> permissions) const
{
	for (Permission p: permissions)
	{
		if (has(p)) return true;
	}
	return false;
}

PermissionSet& PermissionSet::add(Permission permission)
{
	_bits |= static_cast<unsigned>(permission);
	return *this;
}

std::string PermissionSet::toString() const
{
	std::string result;
	for (Permission p: ALL_PERMISSIONS)
	{
		if (!has(p)) continue;
		if (!result.empty()) result += ',';
		result += name(p);
	}
	return result;
}

std::string PermissionSet::name(Permission permission)
{
	switch (permission)
	{
	case Permission::BOM_UPLOAD: return "BOM_UPLOAD";
	case Permission::PROJECT_CREATION_UPLOAD: return "PROJECT_CREATION_UPLOAD";
	case Permission::VIEW_PORTFOLIO: return "VIEW_PORTFOLIO";
	case Permission::PORTFOLIO_MANAGEMENT: return "PORTFOLIO_MANAGEMENT";
	}
	return "";
}

} } // namespace sbomop::dtracksim
