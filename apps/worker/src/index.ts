export * from './worker.module';
export { startWorker } from './main';
