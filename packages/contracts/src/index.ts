export * from './enums.js';
export * from './errors.js';
export * from './credit-code.js';
export * from './permissions.js';
export * from './common.js';
export * from './auth.js';
export * from './registry.js';
export * from './requests.js';
