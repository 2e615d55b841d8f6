//
// ScheduleException.cpp
//

#include "sbomop/schedule/ScheduleException.h"
#include <typeinfo>

namespace sbomop {
namespace schedule {

POCO_IMPLEMENT_EXCEPTION(ScheduleException, sbomop::SbomopException, "Schedule error")
POCO_IMPLEMENT_EXCEPTION(InvalidCronExpressionException, ScheduleException, "Invalid cron expression")

} } // namespace sbomop::schedule
