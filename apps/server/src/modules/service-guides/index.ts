export { serviceGuideRoutes } from './service-guides.routes.js';
export { guideSearchFields } from './service-guides.repo.js';
