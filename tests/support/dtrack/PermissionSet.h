//
// PermissionSet.h
//
// The Dependency-Track permissions dtrack-sim enforces (the ones an SBOM
// uploader needs, see Permissions.java of Dependency-Track 4.14) and a small
// value type holding the set granted to one API key.
//

#ifndef SBOMOP_DtrackSim_PermissionSet_INCLUDED
#define SBOMOP_DtrackSim_PermissionSet_INCLUDED

#include <initializer_list>
#include <string>

namespace sbomop {
namespace dtracksim {

enum class Permission: unsigned
{
	BOM_UPLOAD = 1,
	PROJECT_CREATION_UPLOAD = 2,
	VIEW_PORTFOLIO = 4,
	PORTFOLIO_MANAGEMENT = 8
	// v5 splits PORTFOLIO_MANAGEMENT into _CREATE/_READ/_UPDATE/_DELETE and
	// still accepts the coarse one; the v4 set is what 4.12-4.14 check.
};

class PermissionSet
	/// An immutable-by-value set of permissions. Copyable, not synchronized
	/// (share copies, not references, between threads).
{
public:
	PermissionSet();
		/// The empty set.

	PermissionSet(std::initializer_list<Permission> permissions);

	static PermissionSet all();
		/// Every permission dtrack-sim knows.

	static PermissionSet parse(const std::string& list);
		/// Parses a comma separated list of permission names
		/// ("BOM_UPLOAD,VIEW_PORTFOLIO"); "ALL" stands for all(). Blanks
		/// around names are ignored. Throws Poco::InvalidArgumentException
		/// for an unknown name.

	bool has(Permission permission) const;

	bool hasAny(std::initializer_list<Permission> permissions) const;

	PermissionSet& add(Permission permission);

	std::string toString() const;
		/// The names, comma separated, in declaration order.

	static std::string name(Permission permission);

private:
	unsigned _bits;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_PermissionSet_INCLUDED
