list(APPEND SBOMOP_SOURCES
  src/app/HostValidators.cpp
  src/app/OperatorApplication.cpp
  src/app/OperatorSetup.cpp
  src/app/SignalWatcher.cpp
)
