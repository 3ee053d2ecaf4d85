export { Metrics } from './metrics';
export { answerScrape } from './metrics-endpoint';
export { MetricsServer } from './metrics-server';
export { MetricsModule, MetricsServerModule } from './metrics.module';
