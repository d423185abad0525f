export * from './operators.js';
export * from './parks.js';
export * from './users.js';
export * from './staff.js';
export * from './enterprises.js';
export * from './audit.js';
export * from './requests.js';
export * from './request-extras.js';
