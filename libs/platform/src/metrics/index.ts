export { AppMetrics } from './app-metrics';
export { MetricsModule } from './metrics.module';
export type { MetricsSettings } from './metrics.rules';
