// The portal's Outbox, at /admin/portals/:id/outbox (part of the Users area: the top bar marks
// Users). Every email the portal has sent or will send (invitations, confirmations, password resets,
// sign-in links), newest first, with its delivery status; one email opens at its own address
// (…/outbox/:emailId) with the HTML as received, in a sandboxed frame (no scripts, no same-origin
// access: it is content, not builder UI), and the plain-text version. Without SMTP_URL the emails
// are kept here instead of sent: this is where someone trying the portal finds the links.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, Inbox, Mail, RotateCcw, TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api, errorCode, errorMessage, useTRPC } from '../api';
import type { Me } from '../app';
import { hrefs, onLinkClick } from '../router';
import { LoadError, LoadingRows } from '../ui/load-states';
import { toast } from '../ui/toasts';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';
import './shell.css';
import './outbox.css';

type Page = Awaited<ReturnType<typeof api.outbox.list.query>>;
type Summary = Page['items'][number];
type Status = Summary['status'];

const STATUS: Record<Status, { label: string; badge: string; help: string }> = {
  pending: { label: 'Pending', badge: '', help: 'Waiting to be sent, or waiting to be tried again.' },
  sent: { label: 'Sent', badge: 'badge--ok', help: 'Accepted by the mail server.' },
  failed: { label: 'Failed', badge: 'badge--danger', help: 'Not delivered: the mail server refused it, or every attempt failed.' },
  kept: { label: 'Kept', badge: 'badge--muted', help: 'Kept here, not sent: SMTP_URL was not set.' },
};
const FILTERS: (Status | 'all')[] = ['all', 'pending', 'sent', 'failed', 'kept'];

const TEMPLATE_LABEL: Record<Summary['template'], string> = {
  invite: 'Invitation',
  'confirm-email': 'Email confirmation',
  'action-confirmation': 'Action confirmation',
  'reset-password': 'Password reset',
  'magic-link': 'Sign-in link',
  'password-changed': 'Password changed',
};

export function Outbox({ me, portalId, rest }: { me: Me; portalId: string; rest: string[] }) {
  if (me.role === 'designer') {
    return (
      <div className="content">
        <div className="card empty-state">
          <span className="sh-empty-icon" aria-hidden="true">
            <Mail />
          </span>
          <h2>Only owners and admins see the outbox</h2>
          <p>Emails carry people’s addresses and, until they are sent, working sign-in links.</p>
        </div>
      </div>
    );
  }
  return rest[0] ? <EmailView portalId={portalId} id={rest[0]} /> : <EmailList portalId={portalId} />;
}

function StatusBadge({ status }: { status: Status }) {
  const s = STATUS[status];
  return (
    <span className={`badge ${s.badge} ob-status`} title={s.help}>
      {status === 'pending' ? <span className="ob-pulse" aria-hidden="true" /> : null}
      {s.label}
    </span>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsoluteTime(iso)}>
      {formatRelativeTime(iso)}
    </time>
  );
}

/** The line under the status: when it went out, when it is tried next, or why it failed. */
function Delivery({ email }: { email: Summary }) {
  if (email.status === 'sent' && email.sentAt) {
    return (
      <>
        <When iso={email.sentAt} />
        {email.attempts > 1 ? `, after ${email.attempts} attempts` : null}
      </>
    );
  }
  if (email.status === 'pending' && email.attempts > 0 && email.nextAttemptAt) {
    return (
      <>
        Attempt {email.attempts} failed; next <When iso={email.nextAttemptAt} />
      </>
    );
  }
  if (email.status === 'failed') return <>{email.attempts === 1 ? 'Refused at the first attempt' : `Gave up after ${email.attempts} attempts`}</>;
  return null;
}

function EmailList({ portalId }: { portalId: string }) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Status | 'all'>('all');
  const input = { portalId, limit: 50, ...(filter === 'all' ? {} : { status: filter }) };
  const pages = useInfiniteQuery({
    queryKey: [...trpc.outbox.list.queryKey(input), 'pages'],
    queryFn: ({ pageParam }) => api.outbox.list.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Emails on their way change status by themselves: look again while any is pending.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((i) => i.status === 'pending')) ? 4_000 : false),
  });
  const first = pages.data?.pages[0];
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="content ob-content">
      <a className="btn btn--ghost btn--small ob-back" href={hrefs.section(portalId, 'users')} onClick={onLinkClick}>
        <ArrowLeft aria-hidden="true" />
        Users
      </a>
      <header className="page-header sh-page-header">
        <div>
          <h1>Outbox</h1>
          <p className="sh-subtitle">
            Emails this portal sends its users: invitations, email confirmations, password resets, sign-in links and confirmations of what they do in the portal (an accepted offer, a payment, a request). Each is written together with the change that
            sends it, and sent right after, with retries when the mail server cannot be reached.
          </p>
        </div>
      </header>
      {first && !first.smtpConfigured ? (
        <div className="sh-callout sh-callout--warn ob-callout" role="status">
          <TriangleAlert aria-hidden="true" />
          <div>
            <strong>Emails are kept here, not sent.</strong> <span className="mono">SMTP_URL</span> is not set, so nothing leaves Portico: open an email to read it and
            follow its link. To send emails, set <span className="mono">SMTP_URL</span> (e.g. <span className="mono">smtp://user:password@mail.example.com:587</span>) and
            restart Portico.
          </div>
        </div>
      ) : null}
      <div className="ob-filters" role="group" aria-label="Show emails">
        {FILTERS.map((f) => {
          const count = f === 'all' || !first ? null : first.counts[f];
          return (
            <button key={f} type="button" className="ob-filter" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {f === 'all' ? 'All' : STATUS[f].label}
              {count !== null && filter === 'all' ? <span className="ob-filter__count">{count}</span> : null}
            </button>
          );
        })}
      </div>
      {pages.isPending ? (
        <LoadingRows label="Loading the emails" />
      ) : pages.isError ? (
        <LoadError title="The emails could not be loaded" error={pages.error} retry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        <div className="card empty-state">
          <span className="sh-empty-icon" aria-hidden="true">
            <Inbox />
          </span>
          <h2>{filter === 'all' ? 'No emails yet' : `No ${STATUS[filter].label.toLowerCase()} emails`}</h2>
          <p>
            {filter === 'all'
              ? 'Emails appear here as soon as the portal sends one: when someone is invited, registers, asks for a sign-in link, resets a password or acts in the portal.'
              : 'Choose “All” to see every email.'}
          </p>
        </div>
      ) : (
        <>
          <table className="table ob-table">
            <caption className="visually-hidden">Emails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Email</th>
                <th scope="col">To</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} className={e.status === 'failed' ? 'ob-row--failed' : undefined}>
                  <td className="ob-status-cell">
                    <StatusBadge status={e.status} />
                    <div className="sh-cell-sub">
                      <Delivery email={e} />
                    </div>
                  </td>
                  <td className="ob-subject-cell">
                    <a className="ob-subject" href={hrefs.section(portalId, 'outbox', e.id)} onClick={onLinkClick}>
                      {e.subject}
                    </a>
                    <div className="sh-cell-sub">
                      {TEMPLATE_LABEL[e.template]}
                      {e.status === 'failed' && e.lastError ? <span className="ob-error-line">: {e.lastError}</span> : null}
                    </div>
                  </td>
                  <td className="ob-to">{e.to}</td>
                  <td className="ob-nowrap">
                    <When iso={e.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages.hasNextPage ? (
            <div className="ob-more">
              <button type="button" className="btn" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                {pages.isFetchingNextPage ? 'Loading…' : 'Show older emails'}
              </button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

function EmailView({ portalId, id }: { portalId: string; id: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const email = useQuery({
    ...trpc.outbox.get.queryOptions({ id }),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 4_000 : false),
  });
  const [view, setView] = useState<'html' | 'text'>('html');
  const [busy, setBusy] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  useEffect(() => {
    if (email.data) document.title = `${email.data.subject} · Outbox · Portico`;
  }, [email.data]);

  const back = (
    <a className="btn btn--ghost btn--small ob-back" href={hrefs.section(portalId, 'outbox')} onClick={onLinkClick}>
      <ArrowLeft aria-hidden="true" />
      Outbox
    </a>
  );
  if (email.isPending) {
    return (
      <div className="content ob-content">
        {back}
        <LoadingRows label="Loading the email" />
      </div>
    );
  }
  if (email.isError) {
    const missing = errorCode(email.error) === 'NOT_FOUND';
    return (
      <div className="content ob-content">
        {back}
        {missing ? (
          <div className="card empty-state" role="alert">
            <h2>There is no such email</h2>
            <p>It may have been removed, or the address is mistyped.</p>
          </div>
        ) : (
          <LoadError title="The email could not be loaded" error={email.error} retry={() => void email.refetch()} />
        )}
      </div>
    );
  }
  const e = email.data;

  const retry = async () => {
    setBusy(true);
    setRetryError(null);
    try {
      await api.outbox.retry.mutate({ id: e.id });
      await qc.invalidateQueries({ queryKey: trpc.outbox.pathKey() });
      toast('The email will be sent again');
    } catch (err) {
      setRetryError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="content ob-content">
      {back}
      <header className="ob-head">
        <div className="ob-head__titles">
          <div className="ob-eyebrow">{TEMPLATE_LABEL[e.template]}</div>
          <h1 className="ob-title">{e.subject}</h1>
        </div>
        {e.status === 'failed' ? (
          <button type="button" className="btn btn--primary" onClick={() => void retry()} disabled={busy}>
            <RotateCcw aria-hidden="true" />
            {busy ? 'Retrying…' : 'Retry'}
          </button>
        ) : null}
      </header>
      <dl className="ob-meta card">
        <div>
          <dt>To</dt>
          <dd>{e.to}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={e.status} />{' '}
            <span className="muted">
              <Delivery email={e} />
            </span>
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatAbsoluteTime(e.createdAt)}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{e.attempts}</dd>
        </div>
      </dl>
      {e.lastError ? (
        <p className={`sh-callout ${e.status === 'failed' ? 'sh-callout--danger' : 'sh-callout--warn'} ob-error`} role={e.status === 'failed' ? 'alert' : undefined}>
          <strong>{e.status === 'failed' ? 'Why it failed: ' : 'Last attempt: '}</strong>
          <span className="mono">{e.lastError}</span>
        </p>
      ) : null}
      {retryError ? (
        <p className="sh-callout sh-callout--danger" role="alert">
          {retryError}
        </p>
      ) : null}
      {e.linksRemoved ? (
        <p className="sh-callout sh-callout--info">The single-use link was removed from this copy once the email was sent; the recipient’s email has it.</p>
      ) : null}
      <div className="ob-filters" role="group" aria-label="Version">
        <button type="button" className="ob-filter" aria-pressed={view === 'html'} onClick={() => setView('html')}>
          HTML
        </button>
        <button type="button" className="ob-filter" aria-pressed={view === 'text'} onClick={() => setView('text')}>
          Plain text
        </button>
      </div>
      {view === 'html' ? (
        // sandbox="": no scripts, forms, popups or navigation of the builder, and an opaque origin.
        <iframe className="ob-frame card" title={`The email “${e.subject}” as HTML`} sandbox="" referrerPolicy="no-referrer" srcDoc={e.html} />
      ) : (
        <pre className="ob-text card">{e.text}</pre>
      )}
    </div>
  );
}
