// The admin API at /admin/api/trpc. The builder imports only `type AdminRouter`.
import { router } from '../../trpc';
import { adminsRouter } from './admins';
import { authRouter } from './auth';
import { portalsRouter } from './portals';

export const adminRouter = router({
  auth: authRouter,
  admins: adminsRouter,
  portals: portalsRouter,
});

export type AdminRouter = typeof adminRouter;
