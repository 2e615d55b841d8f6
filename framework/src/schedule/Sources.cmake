list(APPEND SBOMOP_SOURCES
  src/schedule/CronParser.cpp
  src/schedule/CronSchedule.cpp
  src/schedule/GoDuration.cpp
  src/schedule/ScheduleException.cpp
)
