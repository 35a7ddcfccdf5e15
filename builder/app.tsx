// The builder app: sign-in, then the portal list or a portal's workspace, by path.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, errorMessage, isUnauthorized, useTRPC } from './api';
import { parseRoute, usePath } from './router';
import { PortalList } from './shell/portal-list';
import { Workspace } from './shell/workspace';
import { Toasts } from './ui/toasts';

export function App() {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), retry: false });
  const route = parseRoute(usePath());
  if (me.isPending) return <div className="shell-loading" aria-busy="true" />;
  if (me.isError) {
    if (!isUnauthorized(me.error)) return <FatalError message={errorMessage(me.error)} />;
    return <SignIn />;
  }
  return (
    <>
      {route.name === 'portals' ? (
        <PortalList me={me.data} />
      ) : route.name === 'workspace' ? (
        <Workspace key={route.portalId} me={me.data} portalId={route.portalId} section={route.section} rest={route.rest} />
      ) : (
        <FatalError message="There is no page at this address." />
      )}
      <Toasts />
    </>
  );
}

function FatalError({ message }: { message: string }) {
  return (
    <main className="signin">
      <div className="signin__card">
        <a className="brand" href="/admin/">
          Portico
        </a>
        <p role="alert">{message}</p>
        <a className="btn" href="/admin/">
          Back to the portals
        </a>
      </div>
    </main>
  );
}

function SignIn() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api.auth.login.mutate({ email: String(form.get('email')), password: String(form.get('password')) });
      await queryClient.resetQueries({ queryKey: trpc.auth.me.queryKey() });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin">
      <form className="signin__card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="brand">Portico</div>
        <h1 id="signin-title">Sign in to the builder</h1>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

export type Me = Awaited<ReturnType<typeof api.auth.me.query>>;
