export { requestRoutes } from './requests.routes.js';
export { ensureRequestDefaults } from './defaults.js';
