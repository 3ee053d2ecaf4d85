export { IntakeModule } from './intake.module';
export { IntakeService, type OpenCouncilRequest } from './intake.service';
export * from './dto/intake.dto';
