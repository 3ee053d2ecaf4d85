export { DossierModule } from './dossier.module';
export { QUESTION_IDS, DIMENSION_KEYS, COMMENT_TARGETS } from './domain';
export type { Effect, DimensionKey, AudienceKey, ChecklistItem } from './domain';
export { TrainingDutiesQuery } from './training-duties.query';
export { pdfSafe } from './dossier-pdf';
export { DOSSIER_LETTERS, type DossierLetter, type DossierLetters } from './dossier-letters.port';
export {
  DossierFollowUps,
  DOSSIER_EVALUATION_REPORT,
  type DossierEvaluationReport,
  type DossierPdfSection,
} from './dossier-follow-ups';
export type { Language as DossierLanguage } from './domain';
