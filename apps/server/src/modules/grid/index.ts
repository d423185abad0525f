export { gridRoutes } from './grid.routes.js';
