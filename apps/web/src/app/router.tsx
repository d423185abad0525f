import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { RequireAuth, RequirePermission } from './auth-guard';
import { AppLayout } from './layout';
import { NotFound } from './not-found';
import { PublicLayout } from './public-layout';

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
const IndicatorsPage = lazy(() => import('../features/applications/indicators/indicators-page'));
const IndicatorImportPage = lazy(() => import('../features/applications/indicators/indicator-import-page'));
const MyPolicyMatchesPage = lazy(() => import('../features/applications/matches/my-policy-matches-page'));
const ApplicationsPage = lazy(() => import('../features/applications/applications-page'));
const ApplicationNewPage = lazy(() => import('../features/applications/application-new-page'));
const ApplicationDetailPage = lazy(() => import('../features/applications/application-detail-page'));
const ApplicationStatsPage = lazy(() => import('../features/applications/stats-page'));
const PublicPoliciesPage = lazy(() => import('../features/policies/public-policies-page'));
const PublicPolicyDetailPage = lazy(() => import('../features/policies/public-policy-detail-page'));
const GuidesPage = lazy(() => import('../features/service-guides/guides-page'));
const GuideDetailPage = lazy(() => import('../features/service-guides/guide-detail-page'));
const PolicyListPage = lazy(() => import('../features/policies/policies-page'));
const PolicyFormPage = lazy(() => import('../features/policies/policy-form-page'));
const PolicyDetailPage = lazy(() => import('../features/policies/policy-detail-page'));
const PolicyFollowUpsPage = lazy(() => import('../features/policies/follow-ups-page'));

const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<Spin style={{ display: 'block', marginTop: 120 }} />}>
        <LoginPage />
      </Suspense>
    ),
  },
  // Public pages (no login): policies and service guides are shared as links in chat groups.
  {
    path: '/p',
    element: <PublicLayout />,
    children: [
      { index: true, element: <PublicPoliciesPage /> },
      { path: 'policies', element: <PublicPoliciesPage /> },
      { path: 'policies/:id', element: <PublicPolicyDetailPage /> },
      { path: 'guides', element: <GuidesPage /> },
      { path: 'guides/:id', element: <GuideDetailPage /> },
      { path: '*', element: <NotFound /> },
    ],
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
      { path: 'policies', element: <PolicyListPage /> },
      { path: 'policies/new', element: <RequirePermission perm="policies.manage"><PolicyFormPage /></RequirePermission> },
      { path: 'policies/:id', element: <PolicyDetailPage /> },
      { path: 'policies/:id/edit', element: <RequirePermission perm="policies.manage"><PolicyFormPage /></RequirePermission> },
      { path: 'policy-follow-ups', element: <RequirePermission perm="policies.followup"><PolicyFollowUpsPage /></RequirePermission> },
      { path: 'sla-preview', element: <RequirePermission perm="sla.preview"><SlaPreviewPage /></RequirePermission> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'settings/sla-policies', element: <RequirePermission perm="sla.manage"><PoliciesPage /></RequirePermission> },
      { path: 'settings/calendar', element: <RequirePermission perm="sla.manage"><CalendarPage /></RequirePermission> },
      { path: 'settings/escalation', element: <RequirePermission perm="sla.manage"><LadderPage /></RequirePermission> },
      { path: 'settings/request-settings', element: <RequirePermission perm="sla.manage"><RequestSettingsPage /></RequirePermission> },
      { path: 'settings/reply-templates', element: <RequirePermission perm="sla.manage"><TemplatesPage /></RequirePermission> },
      { path: 'settings/categories', element: <RequirePermission perm="sla.manage"><CategoriesPage /></RequirePermission> },
      { path: 'audit', element: <RequirePermission perm="audit.read"><AuditPage /></RequirePermission> },
      { path: 'enterprises/:id/indicators', element: <RequirePermission perm="indicators.read"><IndicatorsPage /></RequirePermission> },
      { path: 'indicators/import', element: <RequirePermission perm="indicators.import"><IndicatorImportPage /></RequirePermission> },
      { path: 'my/policy-matches', element: <RequirePermission perm="matches.read"><MyPolicyMatchesPage /></RequirePermission> },
      { path: 'applications', element: <RequirePermission perm="applications.read"><ApplicationsPage /></RequirePermission> },
      { path: 'applications/new', element: <RequirePermission perm="applications.create"><ApplicationNewPage /></RequirePermission> },
      { path: 'applications/stats', element: <RequirePermission perm="applications.stats"><ApplicationStatsPage /></RequirePermission> },
      { path: 'applications/:id', element: <RequirePermission perm="applications.read"><ApplicationDetailPage /></RequirePermission> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
