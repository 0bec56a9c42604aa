import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { NotFoundPage } from './components/NotFoundPage';
import { AdminAuditPage } from './features/admin/AdminAuditPage';
import { AdminOrganisationsPage } from './features/admin/AdminOrganisationsPage';
import { AdminSearchPage } from './features/admin/AdminSearchPage';
import { AdminUsersPage } from './features/admin/AdminUsersPage';
import { SavedSearchesPage } from './features/alerts/SavedSearchesPage';
import { AdminCatalogPage } from './features/catalog/AdminCatalogPage';
import { EditEntryPage, NewEntryPage } from './features/catalog/EntryFormPage';
import { ImportPage } from './features/catalog/ImportPage';
import { MyEntriesPage } from './features/catalog/MyEntriesPage';
import { ResourcePage } from './features/catalog/ResourcePage';
import { BookingPage } from './features/booking/BookingPage';
import { InstrumentBookingPage } from './features/booking/InstrumentBookingPage';
import { InstrumentSettingsPage } from './features/booking/InstrumentSettingsPage';
import { MyBookingsPage } from './features/booking/MyBookingsPage';
import { StaffQueuePage } from './features/booking/StaffQueuePage';
import { VouchersPage } from './features/booking/VouchersPage';
import { AdminExpertsPage } from './features/engagement/AdminExpertsPage';
import { EngagementPage } from './features/engagement/EngagementPage';
import { ExpertsPage } from './features/engagement/ExpertsPage';
import { MyEngagementsPage } from './features/engagement/MyEngagementsPage';
import { HomePage } from './features/home/HomePage';
import { AuthProvider } from './features/identity/AuthProvider';
import { LoginPage } from './features/identity/LoginPage';
import { ProfilePage } from './features/identity/ProfilePage';
import { RegisterPage } from './features/identity/RegisterPage';
import { RequireAuth } from './features/identity/RequireAuth';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { FirmMatchesPage } from './features/matching/FirmMatchesPage';
import { FirmProfilePage } from './features/matching/FirmProfilePage';
import { MyFirmsPage } from './features/matching/MyFirmsPage';
import { MyOrganisationsPage } from './features/organisations/MyOrganisationsPage';
import { OrganisationPage } from './features/organisations/OrganisationPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { SearchPage } from './features/search/SearchPage';
import { StatementsPage } from './features/statements/StatementsPage';
import { StatusPage } from './features/status/StatusPage';

/**
 * The client-side routes. The backend forwards unknown non-API paths to index.html.
 * The session is restored (refresh cookie) when the app starts.
 */
export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="status" element={<StatusPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="resources/:id" element={<ResourcePage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="organisations/:id" element={<OrganisationPage />} />
          <Route path="experts" element={<ExpertsPage />} />
          <Route element={<RequireAuth />}>
            <Route path="profile" element={<ProfilePage />} />
            <Route path="organisations/mine" element={<MyOrganisationsPage />} />
            <Route path="publish" element={<MyEntriesPage />} />
            <Route path="publish/new" element={<NewEntryPage />} />
            <Route path="publish/entries/:id" element={<EditEntryPage />} />
            <Route path="publish/import" element={<ImportPage />} />
            <Route path="instruments/:id/book" element={<InstrumentBookingPage />} />
            <Route path="bookings" element={<MyBookingsPage />} />
            <Route path="bookings/:id" element={<BookingPage />} />
            <Route path="staff/bookings" element={<StaffQueuePage />} />
            <Route path="staff/instruments/:id" element={<InstrumentSettingsPage />} />
            <Route path="vouchers" element={<VouchersPage />} />
            <Route path="statements" element={<StatementsPage />} />
            <Route path="reports" element={<ReportsPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="saved-searches" element={<SavedSearchesPage />} />
            <Route path="firms" element={<MyFirmsPage />} />
            <Route path="firms/:orgId/profile" element={<FirmProfilePage />} />
            <Route path="firms/:orgId/matches" element={<FirmMatchesPage />} />
            <Route path="engagements" element={<MyEngagementsPage />} />
            <Route path="engagements/:id" element={<EngagementPage />} />
          </Route>
          <Route path="admin" element={<RequireAuth role="ADMIN" />}>
            <Route index element={<Navigate to="/admin/users" replace />} />
            <Route path="users" element={<AdminUsersPage />} />
            <Route path="organisations" element={<AdminOrganisationsPage />} />
            <Route path="catalog" element={<AdminCatalogPage />} />
            <Route path="search" element={<AdminSearchPage />} />
            <Route path="audit" element={<AdminAuditPage />} />
            <Route path="experts" element={<AdminExpertsPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}
