export { requestRoutes } from './requests.routes.js';
export { ensureRequestDefaults } from './defaults.js';
export { createRequest } from './intake.service.js';
export { visibleRequests, canAct } from './requests.policy.js';
export { OPEN_STATUSES } from './lifecycle.js';
export { calendarFor, selectPolicy, targetsOf } from './sla-context.js';
