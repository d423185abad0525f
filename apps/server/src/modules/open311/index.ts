export { open311Routes } from './open311.routes.js';
export { apiKeyRoutes } from './api-keys.routes.js';
export { hashApiKey, insertServiceUser } from './api-keys.service.js';
