export * from './api.module';
export * from './bootstrap/configure-app';
export * from './bootstrap/swagger';
export { startApi } from './main';
