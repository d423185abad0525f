export { applicationRoutes } from './applications.routes.js';
export { APPLICATION_DEADLINES, addWorkingDays, stepDueAt } from './deadlines.js';
export { nextApplicationNumber } from './intake.service.js';
