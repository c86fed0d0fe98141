export * from './eventually';
export * from './infrastructure';
export * from './temp-dir';
export * from './worker-process';
export * from './tamper';
export * from './cuttable-proxy';
