//
// ScheduleException.h
//
// Exceptions of the schedule module (cron expressions).
//

#ifndef SBOMOP_Schedule_ScheduleException_INCLUDED
#define SBOMOP_Schedule_ScheduleException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace schedule {

/// A schedule has no further run time (none within CronSchedule::SEARCH_YEARS).
POCO_DECLARE_EXCEPTION(SBOMOP_API, ScheduleException, sbomop::SbomopException)

/// A cron expression is malformed. The message names the expression in
/// quotes and, where one is to blame, the field, e.g.
/// `"0 61 * * * *": minute field "61": 61 is above the maximum 59`.
POCO_DECLARE_EXCEPTION(SBOMOP_API, InvalidCronExpressionException, ScheduleException)

} } // namespace sbomop::schedule

#endif // SBOMOP_Schedule_ScheduleException_INCLUDED
