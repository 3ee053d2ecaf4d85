import { type DynamicModule, Module } from '@nestjs/common';

import { Metrics } from './metrics';
import { MetricsServer } from './metrics-server';

/** The app's `Metrics`; every lib that observes something imports this module. */
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}

/** The separate metrics listener of one app, imported by its composition root only. */
@Module({})
export class MetricsServerModule {
  static forRoot(settings: { port: number | undefined; token: string | undefined }): DynamicModule {
    return {
      module: MetricsServerModule,
      imports: [MetricsModule],
      providers: [
        {
          provide: MetricsServer,
          inject: [Metrics],
          useFactory: (metrics: Metrics) =>
            new MetricsServer(metrics, settings.port, settings.token),
        },
      ],
      exports: [MetricsServer],
    };
  }
}
