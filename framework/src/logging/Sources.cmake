list(APPEND SBOMOP_SOURCES
  src/logging/JsonLineFormatter.cpp
  src/logging/LineEncoding.cpp
  src/logging/LogLevel.cpp
  src/logging/LoggingException.cpp
  src/logging/LoggingSetup.cpp
  src/logging/MessageParameters.cpp
  src/logging/RedactingChannel.cpp
  src/logging/SecretRedactor.cpp
  src/logging/TextLineFormatter.cpp
)
