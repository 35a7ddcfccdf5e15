// The admin API at /admin/api/trpc. The builder imports only `type AdminRouter`.
import { router } from '../../trpc';
import { adminsRouter } from './admins';
import { apiKeysRouter } from './api-keys';
import { authRouter } from './auth';
import { entityTypesRouter, recordsRouter } from './data';
import { portalUsersRouter } from './portal-users';
import { outboxRouter } from './outbox';
import { portalsRouter } from './portals';
import { previewRouter } from './preview';
import { rolesRouter } from './roles';

export const adminRouter = router({
  auth: authRouter,
  admins: adminsRouter,
  portals: portalsRouter,
  entityTypes: entityTypesRouter,
  records: recordsRouter,
  apiKeys: apiKeysRouter,
  outbox: outboxRouter,
  roles: rolesRouter,
  portalUsers: portalUsersRouter,
  preview: previewRouter,
});

export type AdminRouter = typeof adminRouter;
