export { SurveysModule } from './surveys.module';
export { SurveyService } from './survey.service';
export * from './survey.dto';
