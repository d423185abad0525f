export { metricsRoutes } from './metrics.routes.js';
export { metricDefinitions, metricCodes, type MetricCode } from './definitions.js';
export {
  metricsGroupBys,
  metricsSettings,
  requestMetrics,
  type ClockRatio,
  type Duration,
  type MetricsFilters,
  type MetricsGroup,
  type MetricsGroupBy,
  type MetricsResult,
  type MetricsSettings,
  type Ratio,
  type RequestMetrics,
} from './request-metrics.js';
export { periodOf, shanghaiMonthStart } from './metrics.service.js';
