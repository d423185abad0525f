export { notificationRoutes, eventVisibleTo } from './notifications.routes.js';
export { createNotifications, deliver, loggingAdapter, type NotificationAdapter, type NotificationRow } from './notifications.service.js';
