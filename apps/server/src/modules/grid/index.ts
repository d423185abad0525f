export { gridRoutes } from './grid.routes.js';
export { assertLiaisonOfficers } from './officers.js';
