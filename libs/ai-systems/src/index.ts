export * from './ai-systems.module';
export { AiSystemsService } from './ai-systems.service';
export * from './dto/ai-system.dto';
export type { PrimaryPurpose, AiSystemStatus } from './ai-system.entity';
export {
  AI_SYSTEM_CASE_GATES,
  type AiSystemCaseGates,
  type AiSystemCaseGateView,
} from './case-gates.port';
export { AI_SYSTEM_MATERIAL_CHANGE, type AiSystemMaterialChange } from './material-change.port';
