// The portal's account pages, rendered from the server's AuthView: sign in (password or emailed
// link), register, forgot and reset password, accept an invitation, confirm an email address,
// redeem a sign-in link, and the profile (name, password, sign out). Opening a link never uses
// it: the page asks, the button does. After a sign-in the browser loads the next page afresh, so
// the server renders it for the new session.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AuthView, PagePayload } from '../../core';
import { AccountCard, Field, FormMessage, SubmitButton, useHydrated, useSubmit, type FormState } from './form-parts';
import { callAuth, type CallResult } from './portal-api';

type Ctx = { portalName: string; href: (path: string) => string; basePath: string };
type ViewOf<K extends AuthView['kind']> = Extract<AuthView, { kind: K }>;

export function AccountPage({ payload, view }: { payload: PagePayload; view: AuthView }) {
  const { basePath, name } = payload.portal;
  const ctx: Ctx = { portalName: name, basePath, href: (path) => (path === '/' ? `${basePath}/` : `${basePath}${path}`) };
  switch (view.kind) {
    case 'login':
      return <Login ctx={ctx} view={view} />;
    case 'register':
      return <Register ctx={ctx} view={view} />;
    case 'forgot-password':
      return <ForgotPassword ctx={ctx} />;
    case 'reset-password':
      return <ResetPassword ctx={ctx} view={view} />;
    case 'invite':
      return <AcceptInvite ctx={ctx} view={view} />;
    case 'confirm-email':
      return <ConfirmEmail ctx={ctx} view={view} />;
    case 'magic-link':
      return <MagicLink ctx={ctx} view={view} />;
    case 'profile':
      return <Profile ctx={ctx} view={view} />;
  }
}

/** The form-level message: focused when there are no field errors to focus instead. */
function Problem({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <FormMessage tone="error" focusKey={Object.keys(state.fields).length ? undefined : state.attempt}>
      {state.message}
    </FormMessage>
  );
}

/** A finished step: the message replaces the form, and focus moves to it. */
function Done({ children }: { children: ReactNode }) {
  return (
    <FormMessage tone="success" focusKey={1}>
      {children}
    </FormMessage>
  );
}

const go = (url: string) => window.location.assign(url);
const passwordHint = (min: number) => `At least ${min} characters.`;

function Login({ ctx, view }: { ctx: Ctx; view: ViewOf<'login'> }) {
  const [mode, setMode] = useState<'password' | 'link'>('password');
  const [sentTo, setSentTo] = useState<string | null>(null);
  // Switching between password and link replaces the form: focus goes to the new heading.
  const switched = useRef(false);
  useEffect(() => {
    if (switched.current) document.getElementById('pa-title')?.focus();
    switched.current = true;
  }, [mode]);
  const login = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'login', { email: v.email ?? '', password: v.password ?? '' }), [ctx.basePath]),
    useCallback(() => go(ctx.href(view.next)), [ctx, view.next]),
  );
  const link = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'requestMagicLink', { email: v.email ?? '', next: view.next }), [ctx.basePath, view.next]),
    useCallback((v: Record<string, string>) => setSentTo(v.email ?? ''), []),
  );
  const footer = view.allowRegistration ? (
    <p>
      New here? <a href={ctx.href('/register')}>Create an account</a>
    </p>
  ) : null;

  if (mode === 'link') {
    return (
      <AccountCard title="Sign in with a link" lead={`We email you a link that signs you in to ${ctx.portalName} once, within 15 minutes.`} footer={footer}>
        {sentTo !== null ? (
          <Done>
            <p className="pa-message__title">Check your inbox</p>
            <p>If {sentTo || 'that address'} belongs to an account, a sign-in link is on its way.</p>
          </Done>
        ) : (
          <form ref={link.formRef} className="pa-form" method="post" noValidate onSubmit={link.onSubmit}>
            <Problem state={link.state} />
            <Field name="email" label="Email" type="email" autoComplete="email" error={link.state.fields.email} />
            <SubmitButton pending={link.state.pending}>Email me a sign-in link</SubmitButton>
          </form>
        )}
        <p className="pa-alt">
          <button type="button" className="pb-btn pb-btn--link" onClick={() => setMode('password')}>
            Sign in with your password instead
          </button>
        </p>
      </AccountCard>
    );
  }

  return (
    <AccountCard title="Sign in" lead={`Welcome back to ${ctx.portalName}.`} footer={footer}>
      <form ref={login.formRef} className="pa-form" method="post" noValidate onSubmit={login.onSubmit}>
        <Problem state={login.state} />
        <Field name="email" label="Email" type="email" autoComplete="username" error={login.state.fields.email} />
        <Field name="password" label="Password" type="password" autoComplete="current-password" error={login.state.fields.password} />
        <p className="pa-form__aside">
          <a href={ctx.href('/forgot-password')}>Forgot your password?</a>
        </p>
        <SubmitButton pending={login.state.pending}>Sign in</SubmitButton>
      </form>
      {view.magicLink ? (
        <>
          <p className="pa-or">
            <span>or</span>
          </p>
          <button type="button" className="pb-btn pb-btn--secondary pa-submit" onClick={() => setMode('link')}>
            Email me a sign-in link
          </button>
        </>
      ) : null}
      <NoScript />
    </AccountCard>
  );
}

function NoScript() {
  return (
    <noscript>
      <p className="pa-noscript">This page needs JavaScript to send the form. Please turn it on and reload the page.</p>
    </noscript>
  );
}

function Register({ ctx, view }: { ctx: Ctx; view: ViewOf<'register'> }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'register', { name: v.name ?? '', email: v.email ?? '', password: v.password ?? '' }), [ctx.basePath]),
    useCallback((v: Record<string, string>) => setSentTo(v.email ?? ''), []),
  );
  return (
    <AccountCard
      title="Create an account"
      lead={`Register for ${ctx.portalName}. We’ll send you a link to confirm your email address.`}
      footer={
        <p>
          Already have an account? <a href={ctx.href('/login')}>Sign in</a>
        </p>
      }
    >
      {sentTo !== null ? (
        <Done>
          <p className="pa-message__title">Check your inbox</p>
          <p>
            We sent a confirmation link to {sentTo}. Follow it within two days to activate your account. If you already have an account, <a href={ctx.href('/login')}>sign in</a> or{' '}
            <a href={ctx.href('/forgot-password')}>reset your password</a>.
          </p>
        </Done>
      ) : (
        <form ref={form.formRef} className="pa-form" method="post" noValidate onSubmit={form.onSubmit}>
          <Problem state={form.state} />
          <Field name="name" label="Full name" autoComplete="name" error={form.state.fields.name} />
          <Field name="email" label="Email" type="email" autoComplete="email" error={form.state.fields.email} />
          <Field
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={passwordHint(view.minPasswordLength)}
            minLength={view.minPasswordLength}
            error={form.state.fields.password}
          />
          <SubmitButton pending={form.state.pending}>Create account</SubmitButton>
          <NoScript />
        </form>
      )}
    </AccountCard>
  );
}

function ForgotPassword({ ctx }: { ctx: Ctx }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'forgotPassword', { email: v.email ?? '' }), [ctx.basePath]),
    useCallback((v: Record<string, string>) => setSentTo(v.email ?? ''), []),
  );
  return (
    <AccountCard
      title="Reset your password"
      lead="Enter the email address of your account and we’ll send you a link to choose a new password."
      footer={
        <p>
          Remembered it? <a href={ctx.href('/login')}>Sign in</a>
        </p>
      }
    >
      {sentTo !== null ? (
        <Done>
          <p className="pa-message__title">Check your inbox</p>
          <p>If {sentTo || 'that address'} belongs to an account, a link to reset the password is on its way. It works once, within an hour.</p>
        </Done>
      ) : (
        <form ref={form.formRef} className="pa-form" method="post" noValidate onSubmit={form.onSubmit}>
          <Problem state={form.state} />
          <Field name="email" label="Email" type="email" autoComplete="email" error={form.state.fields.email} />
          <SubmitButton pending={form.state.pending}>Send reset link</SubmitButton>
          <NoScript />
        </form>
      )}
    </AccountCard>
  );
}

function InvalidLink({ ctx, what, action }: { ctx: Ctx; what: string; action: ReactNode }) {
  return (
    <AccountCard title={what} footer={<p><a href={ctx.href('/')}>Go to the home page</a></p>}>
      <FormMessage tone="error">
        <p className="pa-message__title">This link can’t be used</p>
        <p>It is invalid, has expired or was used already. {action}</p>
      </FormMessage>
    </AccountCard>
  );
}

function ResetPassword({ ctx, view }: { ctx: Ctx; view: ViewOf<'reset-password'> }) {
  const [done, setDone] = useState(false);
  const form = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'resetPassword', { token: view.token, password: v.password ?? '' }), [ctx.basePath, view.token]),
    useCallback(() => setDone(true), []),
  );
  if (!view.valid) {
    return <InvalidLink ctx={ctx} what="Choose a new password" action={<a href={ctx.href('/forgot-password')}>Ask for a new link</a>} />;
  }
  return (
    <AccountCard title="Choose a new password" lead="Signing in with the new password ends every other session of your account.">
      {done ? (
        <Done>
          <p className="pa-message__title">Your password has been changed</p>
          <p>
            <a href={ctx.href('/login')}>Sign in</a> with your new password.
          </p>
        </Done>
      ) : (
        <form ref={form.formRef} className="pa-form" method="post" noValidate onSubmit={form.onSubmit}>
          <Problem state={form.state} />
          <Field
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={passwordHint(view.minPasswordLength)}
            minLength={view.minPasswordLength}
            error={form.state.fields.password}
          />
          <SubmitButton pending={form.state.pending}>Change password</SubmitButton>
          <NoScript />
        </form>
      )}
    </AccountCard>
  );
}

function AcceptInvite({ ctx, view }: { ctx: Ctx; view: ViewOf<'invite'> }) {
  const form = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'acceptInvite', { token: view.token, password: v.password ?? '', name: v.name ?? '' }), [ctx.basePath, view.token]),
    useCallback(() => go(ctx.href('/')), [ctx]),
  );
  if (!view.valid) {
    return <InvalidLink ctx={ctx} what="Accept your invitation" action="Ask the team that invited you for a new invitation." />;
  }
  return (
    <AccountCard title={`Welcome to ${ctx.portalName}`} lead="You have been invited. Choose a password to set up your account.">
      <form ref={form.formRef} className="pa-form" method="post" noValidate onSubmit={form.onSubmit}>
        <Problem state={form.state} />
        <Field name="email" label="Email" type="email" autoComplete="username" defaultValue={view.email} readOnly required={false} />
        <Field name="name" label="Full name" autoComplete="name" defaultValue={view.name} error={form.state.fields.name} />
        <Field
          name="password"
          label="Choose a password"
          type="password"
          autoComplete="new-password"
          hint={passwordHint(view.minPasswordLength)}
          minLength={view.minPasswordLength}
          error={form.state.fields.password}
        />
        <SubmitButton pending={form.state.pending}>Set up my account</SubmitButton>
        <NoScript />
      </form>
    </AccountCard>
  );
}

/** A page whose only action is one button (confirm an address, use a sign-in link). */
function OneButton({ title, lead, button, send, done }: { title: string; lead: string; button: string; send: () => Promise<CallResult>; done: ReactNode | (() => void) }) {
  const [finished, setFinished] = useState(false);
  const form = useSubmit(
    useCallback(() => send(), [send]),
    useCallback(() => (typeof done === 'function' ? done() : setFinished(true)), [done]),
  );
  return (
    <AccountCard title={title} lead={lead}>
      {finished ? (
        <Done>{done as ReactNode}</Done>
      ) : (
        <form ref={form.formRef} className="pa-form" method="post" onSubmit={form.onSubmit}>
          <Problem state={form.state} />
          <SubmitButton pending={form.state.pending}>{button}</SubmitButton>
          <NoScript />
        </form>
      )}
    </AccountCard>
  );
}

function ConfirmEmail({ ctx, view }: { ctx: Ctx; view: ViewOf<'confirm-email'> }) {
  const send = useCallback(() => callAuth(ctx.basePath, 'confirmEmail', { token: view.token }), [ctx.basePath, view.token]);
  if (!view.valid) return <InvalidLink ctx={ctx} what="Confirm your email address" action={<a href={ctx.href('/login')}>Sign in</a>} />;
  return (
    <OneButton
      title="Confirm your email address"
      lead={`Confirm the address to activate your ${ctx.portalName} account. If you did not register, close this page.`}
      button="Confirm my email address"
      send={send}
      done={
        <>
          <p className="pa-message__title">Your email address is confirmed</p>
          <p>
            You can now <a href={ctx.href('/login')}>sign in</a>.
          </p>
        </>
      }
    />
  );
}

function MagicLink({ ctx, view }: { ctx: Ctx; view: ViewOf<'magic-link'> }) {
  const send = useCallback(() => callAuth(ctx.basePath, 'redeemMagicLink', { token: view.token }), [ctx.basePath, view.token]);
  const done = useCallback(() => go(ctx.href(view.next)), [ctx, view.next]);
  if (!view.valid) return <InvalidLink ctx={ctx} what="Sign in" action={<a href={ctx.href('/login')}>Sign in again</a>} />;
  return <OneButton title={`Sign in to ${ctx.portalName}`} lead="This link signs you in once. Continue on this device?" button="Sign in" send={send} done={done} />;
}

function Profile({ ctx, view }: { ctx: Ctx; view: ViewOf<'profile'> }) {
  const [savedName, setSavedName] = useState(0);
  const [changed, setChanged] = useState(0);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const details = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'updateProfile', { name: v.name ?? '' }), [ctx.basePath]),
    useCallback(() => setSavedName((n) => n + 1), []),
  );
  const password = useSubmit(
    useCallback((v) => callAuth(ctx.basePath, 'changePassword', { current: v.current ?? '', next: v.next ?? '' }), [ctx.basePath]),
    useCallback((_values: Record<string, string>, form: HTMLFormElement) => {
      setChanged((n) => n + 1);
      form.reset();
    }, []),
  );
  const signOut = async () => {
    setSigningOut(true);
    const r = await callAuth(ctx.basePath, 'logout', {});
    if (r.ok || r.status === 401) return go(ctx.href('/'));
    setSigningOut(false);
    setSignOutError(r.message);
  };
  return (
    <div className="pa-page pa-page--wide">
      <h1 className="pa-page__title" tabIndex={-1}>
        Your profile
      </h1>
      <section className="pa-card" aria-labelledby="pa-details">
        <h2 className="pa-card__subtitle" id="pa-details">
          Your details
        </h2>
        <form ref={details.formRef} className="pa-form" method="post" noValidate onSubmit={details.onSubmit}>
          <Problem state={details.state} />
          {savedName && !details.state.message ? <FormMessage tone="success">Your details have been saved.</FormMessage> : null}
          <Field name="name" label="Full name" autoComplete="name" defaultValue={view.name} error={details.state.fields.name} />
          <Field name="email" label="Email" type="email" autoComplete="username" defaultValue={view.email} readOnly required={false} hint="Ask the portal’s team to change your email address." />
          <SubmitButton pending={details.state.pending} tone="secondary">
            Save details
          </SubmitButton>
        </form>
      </section>
      <section className="pa-card" aria-labelledby="pa-password">
        <h2 className="pa-card__subtitle" id="pa-password">
          Change password
        </h2>
        <form ref={password.formRef} className="pa-form" method="post" noValidate onSubmit={password.onSubmit}>
          <Problem state={password.state} />
          {changed && !password.state.message ? <FormMessage tone="success" focusKey={changed}>Your password has been changed. Your other sessions were signed out.</FormMessage> : null}
          <Field name="current" label="Current password" type="password" autoComplete="current-password" error={password.state.fields.current} />
          <Field
            name="next"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={passwordHint(view.minPasswordLength)}
            minLength={view.minPasswordLength}
            error={password.state.fields.next}
          />
          <SubmitButton pending={password.state.pending} tone="secondary">
            Change password
          </SubmitButton>
        </form>
      </section>
      <section className="pa-card pa-card--row" aria-labelledby="pa-signout">
        <div>
          <h2 className="pa-card__subtitle" id="pa-signout">
            Sign out
          </h2>
          <p className="pa-card__lead">Signed in as {view.email}.</p>
          {signOutError ? <FormMessage tone="error">{signOutError}</FormMessage> : null}
        </div>
        <button type="button" className="pb-btn pb-btn--secondary" onClick={() => void signOut()} disabled={!hydrated || signingOut}>
          Sign out
        </button>
      </section>
      <NoScript />
    </div>
  );
}
