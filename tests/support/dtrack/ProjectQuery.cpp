//
// ProjectQuery.cpp
//

#include "dtrack/ProjectQuery.h"
#include <Poco/String.h>
#include <algorithm>

namespace sbomop {
namespace dtracksim {

namespace
{
	const int DEFAULT_PAGE_SIZE = 100;

	// SQL-like comparison of optional strings: a missing version sorts first.
	int compareOptional(const std::optional<std::string>& a, const std::optional<std::string>& b)
	{
		if (a == b) return 0;
		if (!a) return -1;
		if (!b) return 1;
		return a->compare(*b) < 0 ? -1 : 1;
	}

	std::optional<Poco::Timestamp::TimeVal> importTime(const Project& p)
	{
		if (!p.lastBomImport) return std::nullopt;
		return p.lastBomImport->epochMicroseconds();
	}

	int compareField(const Project& a, const Project& b, const std::string& field)
	{
		if (field == "version") return compareOptional(a.version, b.version);
		if (field == "classifier") return a.classifier.compare(b.classifier);
		if (field == "active") return static_cast<int>(a.active) - static_cast<int>(b.active);
		if (field == "lastBomImport")
		{
			const auto x = importTime(a);
			const auto y = importTime(b);
			if (x == y) return 0;
			if (!x) return -1;
			if (!y) return 1;
			return *x < *y ? -1 : 1;
		}
		return a.name.compare(b.name);
	}
}

ProjectQuery::ProjectQuery():
	_excludeInactive(false),
	_onlyRoot(false),
	_descending(false),
	_offset(0),
	_limit(DEFAULT_PAGE_SIZE)
{
}

ProjectQuery ProjectQuery::fromRequest(const RequestTarget& target)
{
	ProjectQuery query;
	if (target.has("name")) query._name = target.param("name");
	query._excludeInactive = target.flag("excludeInactive");
	query._onlyRoot = target.flag("onlyRoot");
	query._sortName = target.param("sortName");
	query._descending = Poco::icompare(target.param("sortOrder"), "desc") == 0;
	if (target.has("offset"))
	{
		query._offset = static_cast<std::size_t>(std::max(0, target.number("offset", 0)));
		const int limit = target.number("limit", DEFAULT_PAGE_SIZE);
		query._limit = static_cast<std::size_t>(limit > 0 ? limit : DEFAULT_PAGE_SIZE);
	}
	else
	{
		const int page = std::max(1, target.number("pageNumber", 1));
		const int size = target.number("pageSize", DEFAULT_PAGE_SIZE);
		query._limit = static_cast<std::size_t>(size > 0 ? size : DEFAULT_PAGE_SIZE);
		query._offset = static_cast<std::size_t>(page - 1) * query._limit;
	}
	return query;
}

ProjectQuery& ProjectQuery::withTag(const std::string& tag)
{
	_tag = Poco::trim(tag);
	return *this;
}

ProjectQuery& ProjectQuery::withParent(const std::string& uuid)
{
	_parent = uuid;
	return *this;
}

std::vector<Project> ProjectQuery::select(const std::vector<Project>& portfolio, std::size_t& total) const
{
	std::vector<Project> matching;
	for (const auto& project: portfolio)
	{
		if (matches(project)) matching.push_back(project);
	}
	order(matching);
	total = matching.size();
	if (_offset >= matching.size()) return {};
	const std::size_t end = std::min(matching.size(), _offset + _limit);
	return std::vector<Project>(matching.begin() + static_cast<std::ptrdiff_t>(_offset), matching.begin() + static_cast<std::ptrdiff_t>(end));
}

bool ProjectQuery::matches(const Project& project) const
{
	if (_name && project.name != *_name) return false;
	if (_tag && !project.hasTag(*_tag)) return false;
	if (_parent && project.parentUuid != *_parent) return false;
	if (_excludeInactive && !project.active) return false;
	if (_onlyRoot && !project.parentUuid.empty()) return false;
	return true;
}

void ProjectQuery::order(std::vector<Project>& projects) const
{
	// Ties keep creation order (the database id), hence stable_sort.
	if (!_sortName.empty())
	{
		const std::string field = _sortName;
		const bool descending = _descending;
		std::stable_sort(projects.begin(), projects.end(), [&field, descending](const Project& a, const Project& b)
		{
			const int c = compareField(a, b, field);
			return descending ? c > 0 : c < 0;
		});
		return;
	}
	const bool byName = static_cast<bool>(_name);
	const bool byTag = static_cast<bool>(_tag);
	std::stable_sort(projects.begin(), projects.end(), [byName, byTag](const Project& a, const Project& b)
	{
		if (!byName)
		{
			const int c = a.name.compare(b.name);
			if (c != 0 || byTag) return c < 0;
		}
		return compareOptional(a.version, b.version) > 0;
	});
}

} } // namespace sbomop::dtracksim
