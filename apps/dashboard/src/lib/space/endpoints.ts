/**
 * The API routes the space calls, in one place. They are reached through the dashboard's same-origin proxy
 * (`/api/*`), so the same paths work from the browser and from server-side loads.
 */
export const API = {
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  health: '/api/health',
  imports: '/api/v1/imports',
  /** What is kept of an upload and for how long (stated by the API, which applies it). */
  retention: '/api/v1/imports/retention',
  import: (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`,
  confirm: (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/confirm`,
  /** Served by the API's space module (apps/api/src/space). */
  rerun: (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/rerun`,
  rejectedCsv: (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/rejected.csv`,
  recordsCsv: '/api/v1/records.csv',
  mappingProfile: '/api/v1/associations/me/mapping-profile',
  adminAssociations: '/api/v1/admin/associations',
  adminUsers: '/api/v1/admin/users',
  adminImportFailures: '/api/v1/admin/imports/failures',
  releases: '/api/v1/releases',
  adminReleases: '/api/v1/admin/releases',
  adminNotices: '/api/v1/admin/releases/notices',
  adminNotice: (release: string) => `/api/v1/admin/releases/${encodeURIComponent(release)}/notices`,
  adminNamePublic: (id: string) => `/api/v1/admin/associations/${encodeURIComponent(id)}/name-public`,
};
