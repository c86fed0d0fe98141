export * from './registry';
export * from './config';
export * from './runtime';
export * from './service-module';
export * from './app';
export * from './seals';
export * from './actor-directory.consumer';
export * from './tracing';
