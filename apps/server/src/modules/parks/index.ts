export { parkRoutes } from './parks.routes.js';
