export * from './principal';
export * from './errors';
export * from './command-request';
export * from './aggregates';
export * from './actor-directory';
