// Team: members with status and roles; no actions on oneself; every button only with users.manage;
// the whole block requires users.manage; inputs are strict.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TeamResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { inviteInput, setRolesInput, team } from '.';

const data: TeamResult = {
  kind: 'team',
  members: [
    { id: 'u1', name: 'Jane Doe', email: 'jane@acme.example', status: 'active', roles: ['owner'], self: true },
    { id: 'u2', name: 'Max Mustermann', email: 'max@acme.example', status: 'invited', roles: ['accountant'], self: false },
    { id: 'u3', name: 'Erika Muster', email: 'erika@acme.example', status: 'disabled', roles: [], self: false },
  ],
  roles: [
    { key: 'accountant', name: 'Accountant' },
    { key: 'viewer', name: 'Viewer' },
  ],
};
const ALL = { invite: true, setRoles: true, disable: true, enable: true };
const render = (can: Record<string, boolean>, d: unknown = data, ctx = testContext()) => renderToString(<team.Render id="t" props={team.props.parse({})} data={d} can={can} slots={{}} ctx={ctx} />);

describe('team block', () => {
  it('is visible only with users.manage and asks for the team', () => {
    expect(team.requires!(team.props.parse({}))).toEqual([{ action: 'users.manage' }]);
    expect(team.data!(team.props.parse({}))).toEqual({ kind: 'team' });
    for (const action of Object.values(team.actions!)) expect(action.requires!(team.props.parse({}))).toEqual([{ action: 'users.manage' }]);
  });

  it('lists members with status badges and role names, marking the viewer', () => {
    const html = render(ALL);
    expect(html).toContain('Jane Doe<span class="pb-team__you"> (you)</span>');
    expect(html).toMatch(/pd-badge--warn">Invited/);
    expect(html).toMatch(/pd-badge--bad">Disabled/);
    expect(html).toContain('Accountant');
    expect(html).toContain('Standard access');
  });

  it('names roles the viewer cannot give (their own, say) by their name, not their key', () => {
    expect(render(ALL)).toContain('>owner<');
    const named = render(ALL, { ...data, roleNames: { owner: 'Customer Owner', accountant: 'Accountant' } });
    expect(named).toContain('Customer Owner');
    expect(named).not.toContain('>owner<');
  });

  it('offers no action on oneself; disable for others, enable for the disabled', () => {
    const html = render(ALL);
    expect(html.match(/Change roles/g)).toHaveLength(2);
    expect(html).toContain('Disable access<span class="pb-sr-only"> for Max Mustermann');
    expect(html).toContain('Enable access<span class="pb-sr-only"> for Erika Muster');
    expect(html).not.toContain('for Jane Doe');
    expect(html).toContain('Invite a colleague');
  });

  it('hides every button the grants do not allow', () => {
    const html = render({});
    expect(html).not.toMatch(/Change roles|Disable access|Enable access|Invite a colleague/);
  });

  it('validates the inputs strictly', () => {
    expect(inviteInput.safeParse({ name: 'Max', email: 'max@acme.example', roles: ['viewer'] }).success).toBe(true);
    expect(inviteInput.safeParse({ name: 'Max', email: 'not-an-email' }).success).toBe(false);
    expect(inviteInput.safeParse({ name: 'Max', email: 'max@acme.example', contactId: 'r1' }).success).toBe(false);
    expect(setRolesInput.safeParse({ userId: 'u2', roles: ['viewer'], status: 'active' }).success).toBe(false);
  });

  it('shows a note without data and a sample in the builder', () => {
    expect(render(ALL, null)).toContain('Sign in');
    expect(render(ALL, undefined, testContext({ mode: 'builder' }))).toContain('users.manage');
  });
});
