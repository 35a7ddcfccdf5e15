// Portal settings: name, address, language, custom domains, active and default, archiving. These are
// live settings (not part of the versioned document): they apply as soon as they are saved.
import { Globe, Star, Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, errorCode, errorMessage } from '../api';
import type { Me } from '../app';
import { hrefs, navigate } from '../router';
import { toast } from '../ui/toasts';
import { domainProblem, normalizeDomain } from './domains';
import { ArchivePortalDialog } from './portal-dialogs';
import { canManagePortals, useRefreshPortals, type PortalSummary } from './portal-queries';
import { slugProblem } from './slug';
import './shell.css';
import { SlugField } from './slug-field';

const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pt-BR', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'tr', 'ja'];
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const localeLabel = (code: string) => `${languageNames.of(code) ?? code} (${code})`;

export function PortalSettings({ me, portal }: { me: Me; portal: PortalSummary }) {
  const manager = canManagePortals(me);
  const locked = !manager || portal.archived;
  return (
    <div className="content sh-narrow">
      <header className="sh-section-header">
        <h1>Settings</h1>
        <p className="sh-subtitle">Settings are not part of the draft: they apply as soon as you save them, without publishing.</p>
      </header>
      {!manager ? <p className="sh-callout sh-callout--info">Only owners and admins change portal settings. As a designer you can edit pages and the theme, and publish.</p> : null}
      {portal.archived ? <p className="sh-callout sh-callout--warn">This portal is archived. Its settings can no longer be changed.</p> : null}
      <fieldset className="sh-bare-fieldset" disabled={locked}>
        <legend className="visually-hidden">Portal settings</legend>
        <GeneralCard key={`${portal.name}|${portal.slug}|${portal.settings.defaultLocale}`} portal={portal} />
        <SignInCard key={JSON.stringify(portal.settings)} portal={portal} />
        <DomainsCard portal={portal} />
        <StatusCard portal={portal} />
        <DangerCard portal={portal} />
      </fieldset>
    </div>
  );
}

function Card({ title, description, children, footer, tone }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode; tone?: 'danger' }) {
  const id = useId();
  return (
    <section className={`card sh-card${tone ? ` sh-card--${tone}` : ''}`} aria-labelledby={id}>
      <div className="sh-card__head">
        <h2 id={id} className="sh-card__title">
          {title}
        </h2>
        {description ? <p className="sh-card__desc">{description}</p> : null}
      </div>
      <div className="sh-card__body">{children}</div>
      {footer ? <div className="sh-card__foot">{footer}</div> : null}
    </section>
  );
}

/** How portal users sign in: self-registration, magic links, and how long a session lasts. */
function SignInCard({ portal }: { portal: PortalSummary }) {
  const refresh = useRefreshPortals();
  const id = useId();
  const saved = portal.settings;
  const [registration, setRegistration] = useState(saved.allowRegistration);
  const [magicLink, setMagicLink] = useState(saved.magicLink);
  const [lifetime, setLifetime] = useState(String(saved.sessionLifetimeHours));
  const [idle, setIdle] = useState(String(saved.idleTimeoutMinutes));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = registration !== saved.allowRegistration || magicLink !== saved.magicLink || lifetime !== String(saved.sessionLifetimeHours) || idle !== String(saved.idleTimeoutMinutes);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.portals.update.mutate({
        id: portal.id,
        settings: { allowRegistration: registration, magicLink, sessionLifetimeHours: Number(lifetime), idleTimeoutMinutes: Number(idle) },
      });
      await refresh(portal.id);
      toast('Sign-in settings saved');
    } catch (err) {
      // The server names the setting at fault (e.g. "at least 5 minutes").
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setRegistration(saved.allowRegistration);
    setMagicLink(saved.magicLink);
    setLifetime(String(saved.sessionLifetimeHours));
    setIdle(String(saved.idleTimeoutMinutes));
    setError(null);
  };
  return (
    <form onSubmit={save} noValidate>
      <Card
        title="Sign-in"
        description="How customers and partners get into this portal. Changes apply to running sessions at their next request."
        footer={<SaveFooter dirty={dirty} busy={busy} onDiscard={reset} />}
      >
        <label className="checkbox">
          <input type="checkbox" checked={registration} onChange={(e) => setRegistration(e.target.checked)} />
          Anyone may register an account (confirmed by email); they receive the default roles
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={magicLink} onChange={(e) => setMagicLink(e.target.checked)} />
          Users may sign in with a link sent by email, without a password
        </label>
        <div className="sh-pair">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-lifetime`}>
              Session lifetime (hours)
            </label>
            <input id={`${id}-lifetime`} className="input" type="number" inputMode="numeric" min={1} max={2160} value={lifetime} aria-describedby={`${id}-lifetime-help`} onChange={(e) => setLifetime(e.target.value)} />
            <span id={`${id}-lifetime-help`} className="field__help">
              After this, users sign in again (1–2160).
            </span>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-idle`}>
              Idle timeout (minutes)
            </label>
            <input id={`${id}-idle`} className="input" type="number" inputMode="numeric" min={5} max={43200} value={idle} aria-describedby={`${id}-idle-help`} onChange={(e) => setIdle(e.target.value)} />
            <span id={`${id}-idle-help`} className="field__help">
              Signed out after this long without a request (5–43200).
            </span>
          </div>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </Card>
    </form>
  );
}

/** A settings card's footer: Save while there is a change, and a way to drop it. */
function SaveFooter({ dirty, busy, onDiscard }: { dirty: boolean; busy: boolean; onDiscard: () => void }) {
  return (
    <>
      {dirty ? (
        <button type="button" className="btn btn--ghost" onClick={onDiscard}>
          Discard changes
        </button>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={!dirty || busy}>
        {busy ? 'Saving…' : 'Save'}
      </button>
    </>
  );
}

function GeneralCard({ portal }: { portal: PortalSummary }) {
  const refresh = useRefreshPortals();
  const id = useId();
  const [name, setName] = useState(portal.name);
  const [slug, setSlug] = useState(portal.slug);
  const [locale, setLocale] = useState(portal.settings.defaultLocale);
  const [errors, setErrors] = useState<{ name?: string; slug?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const dirty = name !== portal.name || slug !== portal.slug || locale !== portal.settings.defaultLocale;
  const locales = LOCALES.includes(portal.settings.defaultLocale) ? LOCALES : [portal.settings.defaultLocale, ...LOCALES];

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const next = { name: name.trim() ? undefined : 'Give the portal a name.', slug: slug === portal.slug ? undefined : (slugProblem(slug) ?? undefined) };
    setErrors(next);
    if (next.name || next.slug || !dirty || busy) return;
    setBusy(true);
    try {
      await api.portals.update.mutate({
        id: portal.id,
        ...(name.trim() !== portal.name ? { name: name.trim() } : {}),
        ...(slug !== portal.slug ? { slug } : {}),
        ...(locale !== portal.settings.defaultLocale ? { settings: { defaultLocale: locale } } : {}),
      });
      await refresh(portal.id);
      toast('Settings saved');
    } catch (err) {
      if (errorCode(err) === 'CONFLICT' || /slug/i.test(errorMessage(err))) setErrors({ slug: errorMessage(err) });
      else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setName(portal.name);
    setSlug(portal.slug);
    setLocale(portal.settings.defaultLocale);
    setErrors({});
  };

  return (
    <form onSubmit={save} noValidate>
      <Card
        title="General"
        footer={<SaveFooter dirty={dirty} busy={busy} onDiscard={reset} />}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={120}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : `${id}-name-help`}
            onChange={(e) => setName(e.target.value)}
          />
          {errors.name ? (
            <span id={`${id}-name-error`} className="field__error">
              {errors.name}
            </span>
          ) : (
            <span id={`${id}-name-help`} className="field__help">
              Shown in the portal’s header and the browser tab.
            </span>
          )}
        </div>
        <SlugField id={id} value={slug} error={errors.slug} help="Lower-case letters, digits and hyphens." onChange={setSlug} />
        {slug !== portal.slug && !slugProblem(slug) ? (
          <p className="sh-callout sh-callout--warn" role="status">
            Links change: <span className="mono">/p/{portal.slug}/</span> stops working and visitors must use <span className="mono">/p/{slug}/</span>. Custom domains
            {portal.isDefault ? ' and /portal/' : ''} keep working.
          </p>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-locale`}>
            Default language
          </label>
          <select id={`${id}-locale`} className="select" value={locale} aria-describedby={`${id}-locale-help`} onChange={(e) => setLocale(e.target.value)}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {localeLabel(l)}
              </option>
            ))}
          </select>
          <span id={`${id}-locale-help`} className="field__help">
            The language of the portal’s built-in texts, and the one picked when a page title exists in several languages.
          </span>
        </div>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
      </Card>
    </form>
  );
}

function DomainsCard({ portal }: { portal: PortalSummary }) {
  const refresh = useRefreshPortals();
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const saveDomains = async (domains: string[], done: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.portals.update.mutate({ id: portal.id, domains });
      await refresh(portal.id);
      toast(done);
      return true;
    } catch (err) {
      // A domain used by another portal is a CONFLICT naming it.
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const domain = normalizeDomain(value);
    const problem = domainProblem(domain, portal.domains);
    if (problem) return setError(problem);
    if (portal.domains.length >= 20) return setError('A portal can have at most 20 domains.');
    if (await saveDomains([...portal.domains, domain], `Added ${domain}`)) setValue('');
  };

  return (
    <Card
      title="Custom domains"
      description={
        <>
          Serve the portal at its own host name, like <span className="mono">portal.example.com</span>. Point the domain’s DNS at this server (a CNAME or A record); visitors on
          that host see this portal at its root.
        </>
      }
    >
      {portal.domains.length ? (
        <ul className="sh-domains" aria-label="Domains of this portal">
          {portal.domains.map((d) => (
            <li key={d} className="sh-domains__item">
              <Globe aria-hidden="true" />
              <span className="mono">{d}</span>
              <button
                type="button"
                className="btn btn--ghost btn--small sh-domains__remove"
                disabled={busy}
                onClick={() => void saveDomains(portal.domains.filter((x) => x !== d), `Removed ${d}`)}
              >
                <Trash2 aria-hidden="true" />
                Remove<span className="visually-hidden"> {d}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="sh-empty-line">No custom domains. The portal is reachable at /p/{portal.slug}/.</p>
      )}
      <form className="field" onSubmit={add} noValidate>
        <label className="field__label" htmlFor={`${id}-domain`}>
          Add a domain
        </label>
        <div className="sh-inline-form">
          <input
            id={`${id}-domain`}
            className="input mono"
            value={value}
            placeholder="portal.example.com"
            spellCheck={false}
            autoCapitalize="off"
            inputMode="url"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-domain-error` : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
          <button type="submit" className="btn" disabled={busy || !value.trim()}>
            Add domain
          </button>
        </div>
        {error ? (
          <span id={`${id}-domain-error`} className="field__error" role="alert">
            {error}
          </span>
        ) : null}
      </form>
    </Card>
  );
}

function StatusCard({ portal }: { portal: PortalSummary }) {
  const refresh = useRefreshPortals();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      await refresh(portal.id);
      toast(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Availability">
      <div className="sh-setting-row">
        <div>
          <label className="sh-setting-row__title" htmlFor={`${id}-active`}>
            Portal is active
          </label>
          <p id={`${id}-active-help`} className="sh-setting-row__desc">
            An inactive portal answers “not found” to every visitor. Its draft, versions and settings are kept.
          </p>
        </div>
        <input
          id={`${id}-active`}
          type="checkbox"
          role="switch"
          className="switch"
          checked={portal.active}
          disabled={busy}
          aria-describedby={`${id}-active-help`}
          onChange={(e) => {
            const active = e.target.checked;
            void run(() => api.portals.activate.mutate({ id: portal.id, active }), active ? `${portal.name} is active` : `${portal.name} is inactive`);
          }}
        />
      </div>
      <div className="sh-setting-row">
        <div>
          <span className="sh-setting-row__title">Default portal</span>
          <p className="sh-setting-row__desc">
            {portal.isDefault ? (
              <>
                This is the default portal: it is also served at <span className="mono">/portal/</span>.
              </>
            ) : (
              <>
                The default portal is also served at <span className="mono">/portal/</span>. There is one default at a time.
              </>
            )}
          </p>
        </div>
        {portal.isDefault ? (
          <span className="badge">
            <Star aria-hidden="true" className="sh-badge-icon" /> Default
          </span>
        ) : (
          <button type="button" className="btn" disabled={busy} onClick={() => void run(() => api.portals.setDefault.mutate({ id: portal.id }), `${portal.name} is now the default portal`)}>
            Make default portal
          </button>
        )}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Card>
  );
}

function DangerCard({ portal }: { portal: PortalSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <Card title="Archive" tone="danger">
      <div className="sh-setting-row">
        <p className="sh-setting-row__desc">
          Takes the portal offline for good and releases its domains. Its versions are kept.
          {portal.isDefault ? ' The default portal cannot be archived: make another portal the default first.' : ''}
        </p>
        <button type="button" className="btn btn--danger" onClick={() => setOpen(true)}>
          Archive portal…
        </button>
      </div>
      <ArchivePortalDialog portal={open ? portal : null} onClose={() => setOpen(false)} onArchived={() => navigate(hrefs.portals())} />
    </Card>
  );
}
