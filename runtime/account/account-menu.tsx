// The account entry in the portal header: "Sign in" for visitors; the user's name (their profile)
// and "Sign out" for signed-in users. Signing out loads the home page afresh, as a visitor.
import { useState } from 'react';
import type { PagePayload } from '../../core';
import { Icon } from '../../blocks/_lib/icons';
import { useHydrated } from './form-parts';
import { callAuth } from './portal-api';

export function AccountMenu({ payload, href }: { payload: PagePayload; href: (path: string) => string }) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const { user, auth } = payload;
  const onAccountPage = auth?.kind;

  if (!user) {
    // The sign-in page needs no link to itself; the other account pages keep it for a way back.
    if (onAccountPage === 'login') return null;
    return (
      <div className="pt-account">
        <a className="pb-btn pb-btn--secondary pb-btn--small pt-account__signin" href={href('/login')}>
          <Icon name="user" /> Sign in
        </a>
      </div>
    );
  }

  const name = `${user.firstName} ${user.lastName}`.trim() || user.email;
  const signOut = async () => {
    setPending(true);
    const r = await callAuth(payload.portal.basePath, 'logout', {});
    // Signed out already (401) is as good as signed out now.
    if (r.ok || r.status === 401) window.location.assign(href('/'));
    else setPending(false);
  };
  return (
    <div className="pt-account">
      <a className="pt-account__user" href={href('/profile')} aria-current={onAccountPage === 'profile' ? 'page' : undefined}>
        <span className="pt-account__avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="pt-account__name">{name}</span>
        <span className="pb-sr-only">(your profile)</span>
      </a>
      <button type="button" className="pb-btn pb-btn--secondary pb-btn--small pt-account__signout" onClick={() => void signOut()} disabled={!hydrated || pending}>
        Sign out
      </button>
    </div>
  );
}
