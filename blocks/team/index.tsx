// Team: the portal users of the viewer's company, for a Customer Owner (users.manage). Invite a
// colleague (name, email, roles), change a colleague's roles, disable or enable their access. Only
// roles within the viewer's own grants are offered (and the server refuses any other); nobody
// changes their own roles or disables themself. The whole block is hidden from users without
// users.manage.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { FieldInfo, TeamMember, TeamResult } from '../../core';
import { ActionMessage, BuilderSample, EmptyState, StatusBadge } from '../_lib/data-kit';
import { useFormToggle } from '../_lib/disclosure';
import { FormFooter } from '../_lib/form-footer';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { FieldInput } from '../_lib/field-input';
import { useAction } from '../_lib/use-action';

export const teamProps = z
  .object({
    heading: z.string().trim().max(120).default('Your team').meta({ label: 'Heading' }),
    intro: z
      .string()
      .trim()
      .max(300)
      .default('Colleagues who can use this portal for your company. Invite them and decide what they may do.')
      .meta({ widget: 'textarea', label: 'Introduction' }),
  })
  .strict();
export type TeamProps = z.output<typeof teamProps>;

const roleKeys = z.array(z.string().min(1).max(60)).max(20, 'At most 20 roles.');
const userId = z.string().min(1).max(64);
export const inviteInput = z
  .object({
    name: z.string().trim().min(1, 'Enter your colleague’s name.').max(120, 'At most 120 characters.'),
    email: z.string().trim().max(254).pipe(z.email('Enter an email address like name@company.com.')),
    roles: roleKeys.default([]),
  })
  .strict();
export const setRolesInput = z.object({ userId, roles: roleKeys }).strict();
export const memberInput = z.object({ userId }).strict();

const STATUS_LABEL: Record<TeamMember['status'], string> = { active: 'Active', invited: 'Invited', disabled: 'Disabled' };
const NAME_FIELD: FieldInfo = { key: 'name', label: 'Name', type: 'text', required: true, editable: true, maxLength: 120 };
const EMAIL_FIELD: FieldInfo = { key: 'email', label: 'Email', type: 'email', required: true, editable: true, maxLength: 254 };

/** Up to two initials: "Maria de la Cruz" → "MC". */
const initials = (name: string) => {
  const words = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
};

function RoleChoices({ id, roles, chosen, onChange, legend, error }: { id: string; roles: TeamResult['roles']; chosen: string[]; onChange: (keys: string[]) => void; legend: string; error?: string | undefined }) {
  return (
    <fieldset className="pd-field pb-team__roles" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="pd-field__label">{legend}</legend>
      {roles.length === 0 ? <span className="pd-field__hint">There are no roles you can give; your colleague gets the portal’s standard access.</span> : null}
      {roles.map((r) => (
        <label key={r.key} className="pb-team__role">
          <input type="checkbox" checked={chosen.includes(r.key)} onChange={(e) => onChange(e.target.checked ? [...chosen, r.key] : chosen.filter((k) => k !== r.key))} />
          <span>{r.name}</span>
        </label>
      ))}
      {error ? (
        <span className="pd-field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

function InviteForm({ id, ctx, roles, onClose }: { id: string; ctx: RenderContext; roles: TeamResult['roles']; onClose: () => void }) {
  const uid = useId();
  const action = useAction(ctx, id, 'invite');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors: Record<string, string | undefined> = { ...action.issues, ...local };
  // Opened by a button: the keyboard continues in the form's first field.
  useEffect(() => document.getElementById(`${uid}-name`)?.focus(), [uid]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter your colleague’s name.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.email = 'Enter an email address like name@company.com.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const outcome = await action.run({ name, email, roles: chosen });
    if (outcome.ok) {
      setName('');
      setEmail('');
      setChosen([]);
    }
  };

  return (
    <form className="pb-team__form" onSubmit={submit} noValidate aria-labelledby={`${uid}-t`}>
      <h3 className="pb-team__form-title" id={`${uid}-t`}>
        Invite a colleague
      </h3>
      <div className="pb-team__form-grid">
        <FieldInput id={`${uid}-name`} field={NAME_FIELD} value={name} onChange={(v) => setName(typeof v === 'string' ? v : '')} error={errors.name} />
        <FieldInput id={`${uid}-email`} field={EMAIL_FIELD} value={email} onChange={(v) => setEmail(typeof v === 'string' ? v : '')} error={errors.email} hint="We send the invitation to this address." />
      </div>
      <RoleChoices id={`${uid}-roles`} roles={roles} chosen={chosen} onChange={setChosen} legend="Roles" error={errors.roles} />
      <FormFooter action={action} label="Send invitation" busyLabel="Sending…" onCancel={onClose} />
    </form>
  );
}

function MemberRow({ id, ctx, member, roles, roleNames, can }: { id: string; ctx: RenderContext; member: TeamMember; roles: TeamResult['roles']; roleNames: Record<string, string>; can: Readonly<Record<string, boolean>> }) {
  const uid = useId();
  const setRoles = useAction(ctx, id, 'setRoles');
  const disable = useAction(ctx, id, 'disable');
  const enable = useAction(ctx, id, 'enable');
  const [panel, setPanel] = useState<'none' | 'roles' | 'disable'>('none');
  const assignable = new Set(roles.map((r) => r.key));
  const [chosen, setChosen] = useState<string[]>(member.roles.filter((k) => assignable.has(k)));
  const nameOf = (key: string) => roleNames[key] ?? roles.find((r) => r.key === key)?.name ?? key;
  const outcome = setRoles.outcome ?? disable.outcome ?? enable.outcome;
  const manageable = !member.self;

  const saveRoles = async (e: FormEvent) => {
    e.preventDefault();
    const result = await setRoles.run({ userId: member.id, roles: chosen });
    if (result.ok) setPanel('none');
  };

  return (
    <li className="pb-team__member">
      <div className="pb-team__who">
        <span className="pb-team__avatar" aria-hidden="true">
          {initials(member.name) || '?'}
        </span>
        <div className="pb-team__ident">
          <p className="pb-team__name">
            {member.name}
            {member.self ? <span className="pb-team__you"> (you)</span> : null}
          </p>
          <p className="pb-team__email">{member.email}</p>
        </div>
      </div>
      <div className="pb-team__facts">
        <StatusBadge value={member.status} label={STATUS_LABEL[member.status]} />
        <span className="pb-team__role-list">
          <span className="pb-sr-only">Roles: </span>
          {member.roles.length ? member.roles.map(nameOf).join(', ') : 'Standard access'}
        </span>
      </div>
      {manageable ? (
        <div className="pb-team__actions">
          {can.setRoles ? (
            <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" aria-expanded={panel === 'roles'} onClick={() => setPanel(panel === 'roles' ? 'none' : 'roles')}>
              Change roles<span className="pb-sr-only">{` of ${member.name}`}</span>
            </button>
          ) : null}
          {member.status === 'disabled'
            ? can.enable && (
                <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" disabled={enable.pending} onClick={() => void enable.run({ userId: member.id })}>
                  Enable access<span className="pb-sr-only">{` for ${member.name}`}</span>
                </button>
              )
            : can.disable && (
                <button type="button" className="pb-btn pb-btn--secondary pb-btn--small pb-team__danger" aria-expanded={panel === 'disable'} onClick={() => setPanel(panel === 'disable' ? 'none' : 'disable')}>
                  Disable access<span className="pb-sr-only">{` for ${member.name}`}</span>
                </button>
              )}
        </div>
      ) : null}
      {panel === 'roles' ? (
        <form id={`${uid}-roles`} className="pb-team__panel" onSubmit={saveRoles}>
          <RoleChoices id={`${uid}-r`} roles={roles} chosen={chosen} onChange={setChosen} legend={`Roles of ${member.name}`} error={setRoles.issues.roles} />
          <div className="pd-actions">
            <button type="submit" className="pb-btn pb-btn--primary pb-btn--small" disabled={setRoles.pending}>
              Save roles
            </button>
            <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" onClick={() => setPanel('none')}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {panel === 'disable' ? (
        <div className="pb-team__panel" role="group" aria-label={`Disable access for ${member.name}`}>
          <p className="pb-team__confirm">{member.name} is signed out at once and can no longer sign in until you enable their access again.</p>
          <div className="pd-actions">
            <button
              type="button"
              className="pb-btn pb-btn--primary pb-btn--small pb-team__danger-solid"
              disabled={disable.pending}
              onClick={async () => {
                const result = await disable.run({ userId: member.id });
                if (result.ok) setPanel('none');
              }}
            >
              Disable access
            </button>
            <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" onClick={() => setPanel('none')}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <div className="pb-team__message" aria-live="polite">
        <ActionMessage outcome={outcome} />
      </div>
    </li>
  );
}

function Team({ id, props, data, can = {}, ctx }: RenderProps<TeamProps>) {
  const uid = useId();
  const { open: inviting, show, close, toggleRef } = useFormToggle();
  if (ctx.mode === 'builder' || data === undefined) {
    return (
      <div className="pb-team">
        <BuilderSample title={props.heading || 'Your team'}>
          Lists the portal users of the signed-in user’s company with their status and roles. Users whose role grants users.manage invite colleagues, change their roles
          (only roles within their own grants) and disable or enable their access. Hidden from everyone else.
        </BuilderSample>
      </div>
    );
  }
  const team = data as TeamResult | null;
  if (!team || team.kind !== 'team') return <div className="pb-team"><EmptyState>Sign in to manage your team.</EmptyState></div>;
  return (
    <section className="pb-team" aria-labelledby={`${uid}-h`}>
      <div className="pb-team__head">
        <div>
          <h2 className="pb-team__title" id={`${uid}-h`}>
            {props.heading || 'Your team'}
          </h2>
          {props.intro ? <p className="pb-team__intro">{props.intro}</p> : null}
        </div>
        {can.invite && !inviting ? (
          <button ref={toggleRef} type="button" className="pb-btn pb-btn--primary pb-btn--small" onClick={show}>
            Invite a colleague
          </button>
        ) : null}
      </div>
      {can.invite && inviting ? <InviteForm id={id} ctx={ctx} roles={team.roles} onClose={close}
        /> : null}
      {team.members.length === 0 ? (
        <EmptyState>Nobody from your company uses the portal yet.</EmptyState>
      ) : (
        <ul className="pb-team__members">
          {team.members.map((m) => (
            <MemberRow key={m.id} id={id} ctx={ctx} member={m} roles={team.roles} roleNames={team.roleNames ?? {}} can={can} />
          ))}
        </ul>
      )}
    </section>
  );
}

export const team = defineBlock({
  type: 'team',
  label: 'Team',
  description: 'The company’s portal users: invite colleagues, change their roles, disable access.',
  category: 'self-service',
  icon: 'users',
  props: teamProps,
  requires: () => [{ action: 'users.manage' }],
  data: () => ({ kind: 'team' }),
  actions: {
    invite: { label: 'Invite a colleague', input: inviteInput, requires: () => [{ action: 'users.manage' }] },
    setRoles: { label: 'Change a colleague’s roles', input: setRolesInput, requires: () => [{ action: 'users.manage' }] },
    disable: { label: 'Disable a colleague’s access', input: memberInput, requires: () => [{ action: 'users.manage' }] },
    enable: { label: 'Enable a colleague’s access', input: memberInput, requires: () => [{ action: 'users.manage' }] },
  },
  Render: Team,
});
