export { IntakeModule } from './intake.module';
export { IntakeService } from './intake.service';
export * from './dto/intake.dto';
