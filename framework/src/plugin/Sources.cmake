list(APPEND SBOMOP_SOURCES
  src/plugin/Backend.cpp
  src/plugin/BackendContext.cpp
  src/plugin/OperatorLabels.cpp
  src/plugin/PluginException.cpp
  src/plugin/PluginLoader.cpp
)
