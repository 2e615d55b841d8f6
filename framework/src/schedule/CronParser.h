//
// CronParser.h
//
// Private: the parser behind CronSchedule::parse().
//

#ifndef SBOMOP_Schedule_CronParser_INCLUDED
#define SBOMOP_Schedule_CronParser_INCLUDED

#include "sbomop/schedule/CronSchedule.h"
#include <map>
#include <string>

namespace sbomop {
namespace schedule {

class CronParser
	/// Turns an expression into a CronSchedule's fields. One instance per
	/// parse; not shared.
{
public:
	static const Poco::UInt64 STAR_BIT;
		/// Marks a field that started with `*` or `?`.

	CronParser(const std::string& expression, CronSchedule::Dialect dialect, CronSchedule::Zone zone);

	CronSchedule parse();
		/// Throws InvalidCronExpressionException.

private:
	struct Bounds
	{
		const char* name;
		unsigned min;
		unsigned max;
		const std::map<std::string, unsigned>* names;
	};

	static std::string unquote(const std::string& expression);
	void parseZonePrefix();
	void parseDescriptor();
	void parseFields();
	Poco::UInt64 parseField(const std::string& field, const Bounds& bounds) const;
	Poco::UInt64 parseRange(const std::string& field, const std::string& range, const Bounds& bounds) const;
	unsigned parseValue(const std::string& field, const std::string& text, const Bounds& bounds, bool namesAllowed) const;
	[[noreturn]] void fail(const std::string& problem) const;
	[[noreturn]] void failField(const Bounds& bounds, const std::string& field, const std::string& problem) const;

	std::string _text;
	CronSchedule::Dialect _dialect;
	CronSchedule _schedule;
};


} } // namespace sbomop::schedule

#endif // SBOMOP_Schedule_CronParser_INCLUDED
