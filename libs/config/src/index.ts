export * from './load-config';
export * from './config.module';
export * from './clock.module';
