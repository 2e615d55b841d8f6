list(APPEND SBOMOP_SOURCES
  src/config/BuiltinKeys.cpp
  src/config/CommandLine.cpp
  src/config/ConfigException.cpp
  src/config/ConfigFileReader.cpp
  src/config/ConfigLoader.cpp
  src/config/ConfigSchema.cpp
  src/config/ConfigValidator.cpp
  src/config/HelpPrinter.cpp
  src/config/KeyDefinition.cpp
  src/config/ResolvedConfig.cpp
  src/config/Settings.cpp
  src/config/ValueParser.cpp
)
