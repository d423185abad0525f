import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { RequireAuth, RequirePermission } from './auth-guard';
import { AppLayout } from './layout';
import { NotFound } from './not-found';

const LoginPage = lazy(() => import('../features/auth/login-page'));
const HomePage = lazy(() => import('../features/home/home-page'));
const ParksPage = lazy(() => import('../features/parks/parks-page'));
const ParkDetailPage = lazy(() => import('../features/parks/park-detail-page'));
const EnterprisesPage = lazy(() => import('../features/enterprises/enterprises-page'));
const EnterpriseProfilePage = lazy(() => import('../features/enterprises/enterprise-profile-page'));
const EnterpriseCreatePage = lazy(() => import('../features/enterprises/enterprise-create-page'));
const EnterpriseEditPage = lazy(() => import('../features/enterprises/enterprise-edit-page'));
const ImportPage = lazy(() => import('../features/enterprises/import-page'));
const GridPage = lazy(() => import('../features/grid/grid-page'));
const StaffPage = lazy(() => import('../features/staff/staff-page'));
const AuditPage = lazy(() => import('../features/audit/audit-page'));
const RequestsPage = lazy(() => import('../features/requests/requests-page'));
const RequestNewPage = lazy(() => import('../features/requests/request-new-page'));
const RequestDetailPage = lazy(() => import('../features/requests/request-detail-page'));
const SlaPreviewPage = lazy(() => import('../features/sla/sla-preview-page'));
const NotificationsPage = lazy(() => import('../features/notifications/notifications-page'));
const PoliciesPage = lazy(() => import('../features/settings/policies-page'));
const CalendarPage = lazy(() => import('../features/settings/calendar-page'));
const LadderPage = lazy(() => import('../features/settings/ladder-page'));
const RequestSettingsPage = lazy(() => import('../features/settings/request-settings-page'));
const TemplatesPage = lazy(() => import('../features/settings/templates-page'));
const CategoriesPage = lazy(() => import('../features/settings/categories-page'));

const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<Spin style={{ display: 'block', marginTop: 120 }} />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'parks', element: <RequirePermission perm="parks.read"><ParksPage /></RequirePermission> },
      { path: 'parks/:id', element: <RequirePermission perm="parks.read"><ParkDetailPage /></RequirePermission> },
      { path: 'enterprises', element: <RequirePermission perm="enterprises.read"><EnterprisesPage /></RequirePermission> },
      { path: 'enterprises/new', element: <RequirePermission perm="enterprises.create"><EnterpriseCreatePage /></RequirePermission> },
      { path: 'enterprises/import', element: <RequirePermission perm="enterprises.import"><ImportPage /></RequirePermission> },
      { path: 'enterprises/:id', element: <RequirePermission perm="enterprises.read"><EnterpriseProfilePage /></RequirePermission> },
      { path: 'enterprises/:id/edit', element: <RequirePermission perm="enterprises.read"><EnterpriseEditPage /></RequirePermission> },
      { path: 'grid', element: <RequirePermission perm="grid.read"><GridPage /></RequirePermission> },
      { path: 'staff', element: <RequirePermission perm="staff.read"><StaffPage /></RequirePermission> },
      { path: 'requests', element: <RequirePermission perm="requests.read"><RequestsPage /></RequirePermission> },
      { path: 'requests/new', element: <RequirePermission perm="requests.create"><RequestNewPage /></RequirePermission> },
      { path: 'requests/:id', element: <RequirePermission perm="requests.read"><RequestDetailPage /></RequirePermission> },
      { path: 'sla-preview', element: <RequirePermission perm="sla.preview"><SlaPreviewPage /></RequirePermission> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'settings/sla-policies', element: <RequirePermission perm="sla.manage"><PoliciesPage /></RequirePermission> },
      { path: 'settings/calendar', element: <RequirePermission perm="sla.manage"><CalendarPage /></RequirePermission> },
      { path: 'settings/escalation', element: <RequirePermission perm="sla.manage"><LadderPage /></RequirePermission> },
      { path: 'settings/request-settings', element: <RequirePermission perm="sla.manage"><RequestSettingsPage /></RequirePermission> },
      { path: 'settings/reply-templates', element: <RequirePermission perm="sla.manage"><TemplatesPage /></RequirePermission> },
      { path: 'settings/categories', element: <RequirePermission perm="sla.manage"><CategoriesPage /></RequirePermission> },
      { path: 'audit', element: <RequirePermission perm="audit.read"><AuditPage /></RequirePermission> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
