// The admin API at /admin/api/trpc. The builder imports only `type AdminRouter`.
import { router } from '../../trpc';
import { adminsRouter } from './admins';
import { apiKeysRouter } from './api-keys';
import { authRouter } from './auth';
import { entityTypesRouter, recordsRouter } from './data';
import { portalsRouter } from './portals';

export const adminRouter = router({
  auth: authRouter,
  admins: adminsRouter,
  portals: portalsRouter,
  entityTypes: entityTypesRouter,
  records: recordsRouter,
  apiKeys: apiKeysRouter,
});

export type AdminRouter = typeof adminRouter;
