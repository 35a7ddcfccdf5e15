// Roles and Users: sections whose features arrive with later releases. Each says plainly what it
// will hold, with no buttons that do nothing and no links that lead nowhere.
import { ShieldCheck, Users, type LucideIcon } from 'lucide-react';
import { hrefs, onLinkClick } from '../router';
import './shell.css';

type Upcoming = 'roles' | 'users';

const CONTENT: Record<Upcoming, { icon: LucideIcon; title: string; intro: string; points: string[]; arrives: string }> = {
  roles: {
    icon: ShieldCheck,
    title: 'Roles',
    intro: 'Roles decide what each portal user may see and do. Anything a role does not grant is denied.',
    points: [
      'Per entity type: create, and read, edit or delete at the level own, contact, account or all.',
      'Per field: hidden, read-only or editable.',
      'Named actions such as accepting offers, paying invoices or managing users.',
      'Starter roles for customer portals: Customer Owner, Accountant, Operations Manager and Viewer.',
    ],
    arrives: 'Roles arrive with portal access control in a later release.',
  },
  users: {
    icon: Users,
    title: 'Users',
    intro: 'Portal users are the customers and partners who sign in to this portal.',
    points: [
      'Invite people by email; they set their own password.',
      'Link each user to a contact, so they see their own and their account’s records.',
      'Give users roles, and deactivate them to revoke access at once.',
    ],
    arrives: 'Users arrive with portal sign-in in a later release.',
  },
};

export function EmptySection({ section, portalId }: { section: Upcoming; portalId: string }) {
  const c = CONTENT[section];
  const Icon = c.icon;
  return (
    <div className="sh-upcoming">
      <section className="card sh-upcoming__card" aria-labelledby="sh-upcoming-title">
        <span className="sh-upcoming__icon" aria-hidden="true">
          <Icon />
        </span>
        <h1 id="sh-upcoming-title" className="sh-upcoming__title">
          {c.title}
        </h1>
        <p className="sh-upcoming__intro">{c.intro}</p>
        <h2 className="sh-upcoming__heading">What you will do here</h2>
        <ul className="sh-upcoming__list">
          {c.points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <p className="sh-upcoming__note">
          <span className="badge badge--muted">Coming later</span>
          {c.arrives}
        </p>
        <p className="sh-upcoming__meanwhile">
          Meanwhile:{' '}
          <a href={hrefs.section(portalId, 'pages')} onClick={onLinkClick}>
            build the portal’s pages
          </a>
          ,{' '}
          <a href={hrefs.section(portalId, 'theme')} onClick={onLinkClick}>
            adjust its theme
          </a>{' '}
          or{' '}
          <a href={hrefs.section(portalId, 'data')} onClick={onLinkClick}>
            define its data
          </a>
          .
        </p>
      </section>
    </div>
  );
}
