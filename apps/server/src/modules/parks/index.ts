export { parkRoutes } from './parks.routes.js';
export { parkAdminRoutes } from './parks.admin.js';
