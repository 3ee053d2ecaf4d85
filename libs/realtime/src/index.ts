export * from './realtime.module';
export { RealtimeIoAdapter } from './realtime-io.adapter';
export { RealtimeGateway } from './realtime.gateway';
export { RealtimeRelay, type RealtimeRelayOptions } from './realtime.relay';
export { CASE_ACCESS, type CaseAccess, type CaseVisibility } from './case-access';
export * from './realtime.events';
export {
  caseRoom,
  councilInternalRoom,
  councilRoom,
  userRoom,
  INTERNAL_EVENT_PREFIX,
} from './rooms';
export { assertRedisReachable, RealtimeRedis } from './realtime-redis';
