export { staffRoutes } from './staff.routes.js';
export { changeOwnPassword } from './accounts.service.js';
