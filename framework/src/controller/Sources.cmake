list(APPEND SBOMOP_SOURCES
  src/controller/AnnotationKeys.cpp
  src/controller/Controller.cpp
  src/controller/CycleLoop.cpp
  src/controller/CycleRunner.cpp
  src/controller/CycleTrigger.cpp
  src/controller/Inventory.cpp
  src/controller/OperatorMetrics.cpp
  src/controller/PendingPlanner.cpp
  src/controller/PodAnnotator.cpp
  src/controller/PullCredentials.cpp
)
