import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  /** Sends the spans still buffered and stops; call on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing, on when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variable; the
 * OTLP/HTTP exporter reads it, and OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_* and the like, itself).
 * HTTP (server and client) and PostgreSQL queries become spans. Must run before `http` and `pg`
 * are loaded, so an entry point imports it first. Returns undefined when tracing is off.
 */
export function startTracing(
  defaultServiceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Tracing | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    return undefined;
  }
  if (started) {
    return started; // one provider per process (npm start runs the API and the worker together)
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME || defaultServiceName,
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Health probes every few seconds would drown the traces that matter.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => req.url === '/health/live' || req.url === '/metrics',
      }),
      new PgInstrumentation(),
    ],
  });
  started = { shutdown: () => provider.shutdown() };
  return started;
}

let started: Tracing | undefined;
