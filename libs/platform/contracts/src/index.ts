export * from './integration-event';
export * from './topics';
export {
  EDUCATION_STAGES,
  type EducationStage,
  indicatorKey,
  period,
  periodEndDate,
  regionKey,
} from './shared-schemas';
export * from './monitoring.contracts';
export * from './goals.contracts';
export * from './ideas.contracts';
export * from './planning.contracts';
export * from './contracts';
export { storeSealedSchema, storeSealedType, type StoreSealed } from './seal.contracts';
export * from './validation';
