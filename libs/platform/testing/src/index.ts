export * from './eventually';
export * from './infrastructure';
export * from './temp-dir';
