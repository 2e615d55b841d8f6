list(APPEND SBOMOP_SOURCES
  src/http/Counter.cpp
  src/http/Gauge.cpp
  src/http/HealthRequestHandler.cpp
  src/http/HealthRequestHandlerFactory.cpp
  src/http/HealthServer.cpp
  src/http/Histogram.cpp
  src/http/HistogramFamily.cpp
  src/http/Metric.cpp
  src/http/MetricFamily.cpp
  src/http/MetricNames.cpp
  src/http/MetricSnapshot.cpp
  src/http/MetricsRegistry.cpp
  src/http/ProcessMetrics.cpp
  src/http/TextExposition.cpp
)
