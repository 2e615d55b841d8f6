//
// ProjectQuery.h
//
// Filtering, ordering and paging of project lists as Dependency-Track 4.14
// does them: exact `name`, `excludeInactive`, `onlyRoot`, a tag or a parent;
// default order "name asc, version desc" (by name: "version desc"; by tag:
// "name asc"), or `sortName`/`sortOrder`; Alpine paging with `pageNumber`
// (1-based) and `pageSize` (default 100), or `offset`/`limit`.
//

#ifndef SBOMOP_DtrackSim_ProjectQuery_INCLUDED
#define SBOMOP_DtrackSim_ProjectQuery_INCLUDED

#include "dtrack/Project.h"
#include "dtrack/RequestTarget.h"
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

class ProjectQuery
	/// A plain value.
{
public:
	static ProjectQuery fromRequest(const RequestTarget& target);
		/// Reads name, excludeInactive, onlyRoot, sortName, sortOrder and the
		/// paging parameters.

	ProjectQuery& withTag(const std::string& tag);
	ProjectQuery& withParent(const std::string& uuid);

	std::vector<Project> select(const std::vector<Project>& portfolio, std::size_t& total) const;
		/// The requested page; `total` receives the number of matches before
		/// paging (the X-Total-Count header).

private:
	ProjectQuery();

	bool matches(const Project& project) const;
	void order(std::vector<Project>& projects) const;

	std::optional<std::string> _name;
	std::optional<std::string> _tag;
	std::optional<std::string> _parent;
	bool _excludeInactive;
	bool _onlyRoot;
	std::string _sortName;
	bool _descending;
	std::size_t _offset;
	std::size_t _limit;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ProjectQuery_INCLUDED
