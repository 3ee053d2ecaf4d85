import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';

import { AuthModule } from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { MetricsModule } from '@wc/metrics';

import { CASE_ACCESS, type CaseAccess, NoCaseAccess } from './case-access';
import { RealtimeGateway } from './realtime.gateway';
import {
  DEFAULT_RELAY_OPTIONS,
  REALTIME_RELAY_OPTIONS,
  RealtimeRelay,
  type RealtimeRelayOptions,
} from './realtime.relay';
import { RealtimeRedis } from './realtime-redis';

export interface RealtimeModuleOptions {
  /** Modules that provide `caseAccess`, e.g. `[CasesModule]`. */
  imports?: ModuleMetadata['imports'];
  /**
   * The case policy for room joins, e.g. `CasesService`. Without one every case is refused
   * (fails closed), so sockets still get user and council events.
   */
  caseAccess?: Type<CaseAccess>;
  relay?: Partial<RealtimeRelayOptions>;
}

/**
 * Sockets for the API: the `/ws` gateway, the relay that feeds it from the outbox, and the Redis
 * connections of the adapter. Only `apps/api` imports it; install `RealtimeIoAdapter` with it.
 */
@Module({})
export class RealtimeModule {
  static forRoot(options: RealtimeModuleOptions = {}): DynamicModule {
    return {
      module: RealtimeModule,
      imports: [AuthModule, MetricsModule, ...(options.imports ?? [])],
      providers: [
        RealtimeGateway,
        RealtimeRelay,
        options.caseAccess
          ? { provide: CASE_ACCESS, useExisting: options.caseAccess }
          : { provide: CASE_ACCESS, useClass: NoCaseAccess },
        {
          provide: REALTIME_RELAY_OPTIONS,
          useValue: { ...DEFAULT_RELAY_OPTIONS, ...options.relay },
        },
        {
          provide: RealtimeRedis,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => RealtimeRedis.connect(config),
        },
      ],
      exports: [RealtimeRedis, RealtimeRelay],
    };
  }
}
