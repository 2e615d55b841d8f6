# Runtime: the in-memory cache of pods and namespaces fed by list+watch
# (Store, ListPager, Reflector).
list(APPEND SBOMOP_SOURCES
  src/runtime/EventDispatcher.cpp
  src/runtime/FailureBackoff.cpp
  src/runtime/ListPager.cpp
  src/runtime/Reflector.cpp
  src/runtime/ReflectorMetrics.cpp
  src/runtime/ReflectorOptions.cpp
  src/runtime/Store.cpp
)
