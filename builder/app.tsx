// The builder shell: sign-in, then the list of portals. The page editor arrives with its own issue.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage, isUnauthorized } from './api';

type Me = Awaited<ReturnType<typeof api.auth.me.query>>;
type Portal = Awaited<ReturnType<typeof api.portals.list.query>>[number];

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api.auth.me.query().then(setMe, (err: unknown) => (isUnauthorized(err) ? setMe(null) : setMe(null)));
  }, []);
  if (me === undefined) return <div className="shell-loading" aria-busy="true" />;
  if (me === null) return <SignIn onSignedIn={setMe} />;
  return <Portals me={me} onSignedOut={() => setMe(null)} />;
}

function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api.auth.login.mutate({ email: String(form.get('email')), password: String(form.get('password')) });
      onSignedIn(await api.auth.me.query());
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

function Portals({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [portals, setPortals] = useState<Portal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.portals.list.query().then(setPortals, (err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(load, [load]);
  const signOut = async () => {
    await api.auth.logout.mutate();
    onSignedOut();
  };
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">Portico</div>
        <div className="topbar__right">
          <span className="muted">
            {me.email} · {me.role}
          </span>
          <button className="btn" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">
        <h1>Portals</h1>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        {portals === null ? (
          <p className="muted">Loading…</p>
        ) : portals.length === 0 ? (
          <p className="muted">No portals yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Address</th>
                <th scope="col">Status</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {portals.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.name} {p.isDefault ? <span className="badge">default</span> : null}
                  </td>
                  <td>
                    <code>/p/{p.slug}</code>
                  </td>
                  <td>{p.active ? 'Active' : 'Inactive'}</td>
                  <td>
                    {p.publishedVersion ? `v${p.publishedVersion}` : 'Never'}
                    {p.hasUnpublishedChanges ? <span className="badge badge--warn">unpublished changes</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
