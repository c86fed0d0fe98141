export * from './integration-event';
export * from './topics';
export * from './schemas';
export * from './validation';
