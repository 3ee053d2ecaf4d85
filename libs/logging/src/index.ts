export { LoggerModule, prettyLogsWanted } from './logger.module';
