export { EvaluationsModule } from './evaluations.module';
export { EvaluationsService } from './evaluations.service';
export { EvaluationSweep } from './evaluation.sweep';
export * from './evaluation.dto';
