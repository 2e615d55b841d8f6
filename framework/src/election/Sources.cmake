list(APPEND SBOMOP_SOURCES
  src/election/LeaderElectionConfig.cpp
  src/election/LeaderElector.cpp
  src/election/LeaseLock.cpp
  src/election/LeaseRecord.cpp
)
