import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { api, refreshSession, type Schemas, unwrap } from '../api/client';
import { ConvenantSettings } from '../components/convenant';
import {
  Button,
  Checkbox,
  ErrorAlert,
  Loading,
  PageHeader,
  SelectField,
  TextField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { keys } from '../queries';

type Preferences = Schemas['NotificationPreferencesResponse'];
type CaseEventChoice = Preferences['caseEvents'][number];
const CHANNELS = ['deadlineReminder', 'deadlineOverdue', 'deadlineEscalation', 'mention'] as const;

function asCaseEventEmail(value: string): CaseEventChoice['email'] {
  return value === 'digest' || value === 'off' ? value : 'immediate';
}

export function SettingsPage() {
  const { t } = useI18n();
  const { roles } = useSession();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <LanguageSettings />
      <NotificationSettings />
      {(roles.employer || roles.orgAdmin || roles.council) && <ConvenantSettings />}
      <CalendarFeed />
      <PasswordSettings />
      <SecondFactorSettings />
    </>
  );
}

function LanguageSettings() {
  const { t } = useI18n();
  const { language, setLanguage } = useSession();
  const save = useMutation(setLanguage);
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{t('settings.language')}</h2>
      <SelectField
        label={t('settings.languageLabel')}
        value={language}
        onChange={(e) => void save.submit(e.target.value === 'en' ? 'en' : 'nl')}
      >
        <option value="nl">Nederlands</option>
        <option value="en">English</option>
      </SelectField>
      <ErrorAlert error={save.error} />
    </section>
  );
}

function NotificationSettings() {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const current = useQuery({
    queryKey: keys.settings('preferences'),
    queryFn: () => unwrap(api.GET('/me/notification-preferences')),
  });
  const [draft, setDraft] = useState<Preferences | null>(null);
  const [saved, setSaved] = useState(false);
  const prefs = draft ?? current.data ?? null;
  const save = useMutation(async (value: Preferences) => {
    queryClient.setQueryData(
      keys.settings('preferences'),
      await unwrap(api.PUT('/me/notification-preferences', { body: value })),
    );
    setDraft(null);
    setSaved(true);
  });
  if (!prefs) {
    return current.error ? <ErrorAlert error={current.error} /> : <Loading />;
  }
  const update = (next: Preferences) => {
    setSaved(false);
    setDraft(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.submit(prefs);
  };
  return (
    <section className="card" aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('settings.notifications')}</h2>
      <form onSubmit={onSubmit}>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('settings.notifications')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.kind')}</th>
                <th scope="col">{t('settings.inApp')}</th>
                <th scope="col">{t('settings.email')}</th>
              </tr>
            </thead>
            <tbody>
              {CHANNELS.map((channel) => (
                <tr key={channel}>
                  <th scope="row">{t(`settings.${channel}`)}</th>
                  {(['inApp', 'email'] as const).map((medium) => (
                    <td key={medium}>
                      <input
                        type="checkbox"
                        aria-label={`${t(`settings.${channel}`)}: ${t(`settings.${medium}`)}`}
                        checked={prefs.channels[channel][medium]}
                        onChange={(e) =>
                          update({
                            ...prefs,
                            channels: {
                              ...prefs.channels,
                              [channel]: { ...prefs.channels[channel], [medium]: e.target.checked },
                            },
                          })
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 id="case-events-title">{t('settings.caseEvents')}</h3>
        <p>{t('settings.caseEventsLead')}</p>
        <div className="table-scroll">
          <table className="table" aria-labelledby="case-events-title">
            <thead>
              <tr>
                <th scope="col">{t('settings.kind')}</th>
                <th scope="col">{t('settings.inApp')}</th>
                <th scope="col">{t('settings.caseEventEmail')}</th>
              </tr>
            </thead>
            <tbody>
              {prefs.caseEvents.map((choice) => {
                const label = t(`settings.caseEvent.${choice.type}`);
                const set = (next: Partial<CaseEventChoice>) =>
                  update({
                    ...prefs,
                    caseEvents: prefs.caseEvents.map((c) =>
                      c.type === choice.type ? { ...c, ...next } : c,
                    ),
                  });
                return (
                  <tr key={choice.type} data-case-event={choice.type}>
                    <th scope="row">{label}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${label}: ${t('settings.inApp')}`}
                        checked={choice.inApp}
                        onChange={(e) => set({ inApp: e.target.checked })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${label}: ${t('settings.caseEventEmail')}`}
                        value={choice.email}
                        onChange={(e) => set({ email: asCaseEventEmail(e.target.value) })}
                      >
                        <option value="immediate">{t('settings.emailImmediate')}</option>
                        <option value="digest">{t('settings.emailDigest')}</option>
                        <option value="off">{t('settings.emailOff')}</option>
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <SelectField
          label={t('settings.emailDelivery')}
          value={prefs.emailDelivery}
          onChange={(e) =>
            update({
              ...prefs,
              emailDelivery: e.target.value === 'daily_digest' ? 'daily_digest' : 'immediate',
            })
          }
        >
          <option value="immediate">{t('settings.immediate')}</option>
          <option value="daily_digest">{t('settings.dailyDigest')}</option>
        </SelectField>
        <Checkbox
          label={t('settings.followCouncil')}
          checked={prefs.leadDays === null}
          onChange={(e) => update({ ...prefs, leadDays: e.target.checked ? null : [14, 7, 2, 0] })}
        />
        {prefs.leadDays !== null && (
          <TextField
            label={t('settings.leadDays')}
            hint={t('settings.leadDaysHint')}
            defaultValue={prefs.leadDays.join(', ')}
            onBlur={(e) =>
              update({
                ...prefs,
                leadDays: e.target.value
                  .split(',')
                  .map((x) => Number(x.trim()))
                  .filter((x) => Number.isInteger(x) && x >= 0),
              })
            }
          />
        )}
        <ErrorAlert error={save.error} />
        <div role="status">{saved && <p className="alert alert-ok">{t('common.saved')}</p>}</div>
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function CalendarFeed() {
  const { t, dateTime } = useI18n();
  const status = useQuery({
    queryKey: keys.settings('calendar-feed'),
    queryFn: () => unwrap(api.GET('/me/calendar-feed')),
  });
  const [created, setCreated] = useState<Schemas['CalendarFeedCreatedResponse'] | null>(null);
  const create = useMutation(async () => {
    setCreated(await unwrap(api.POST('/me/calendar-feed')));
    await status.refetch();
  });
  const revoke = useMutation(async () => {
    await unwrap(api.DELETE('/me/calendar-feed'));
    setCreated(null);
    await status.refetch();
  });
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('settings.calendar')}</h2>
      <p className="hint">{t('settings.calendarLead')}</p>
      {status.data?.active && !created && (
        <p>{t('settings.calendarActive', { date: dateTime(status.data.createdAt) })}</p>
      )}
      {created && (
        <div className="alert alert-ok" role="status">
          <p>{t('settings.calendarCreated')}</p>
          <TextField
            label={t('settings.calendarUrl')}
            readOnly
            value={created.url}
            onFocus={(e) => e.target.select()}
          />
          <p>
            <a href={created.webcalUrl}>{t('settings.calendarSubscribe')}</a>
          </p>
        </div>
      )}
      <ErrorAlert error={create.error ?? revoke.error} />
      <div className="form-actions">
        <Button busy={create.busy} onClick={() => void create.submit()}>
          {status.data?.active ? t('settings.calendarRotate') : t('settings.calendarCreate')}
        </Button>
        {status.data?.active && (
          <Button variant="secondary" busy={revoke.busy} onClick={() => void revoke.submit()}>
            {t('settings.calendarRevoke')}
          </Button>
        )}
      </div>
    </section>
  );
}

function PasswordSettings() {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const change = useMutation(async () => {
    await unwrap(api.POST('/auth/password', { body: { currentPassword, newPassword } }));
    setCurrent('');
    setNew('');
    setDone(true);
  });
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('settings.password')}</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setDone(false);
          void change.submit();
        }}
      >
        <TextField
          label={t('settings.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label={t('settings.newPassword')}
          hint={t('invite.passwordHint')}
          type="password"
          autoComplete="new-password"
          minLength={12}
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        <ErrorAlert error={change.error} />
        <div role="status">{done && <p className="alert alert-ok">{t('common.saved')}</p>}</div>
        <button
          type="submit"
          className="button button-primary"
          disabled={change.busy || newPassword.length < 12}
        >
          {t('settings.changePassword')}
        </button>
      </form>
    </section>
  );
}

/**
 * What an enrolment-only session shows (the organisation requires a second factor): set it up,
 * note the recovery codes, and continue with a refreshed, full session.
 */
export function SecondFactorRequiredPage() {
  const { t } = useI18n();
  const { reload, logout } = useSession();
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t('secondFactor.requiredTitle')}
      </h1>
      <p className="lead">{t('secondFactor.requiredLead')}</p>
      <SecondFactorSettings
        onContinue={async () => {
          await refreshSession();
          await reload();
        }}
      />
      <button type="button" className="button button-link" onClick={() => void logout()}>
        {t('nav.logout')}
      </button>
    </>
  );
}

/**
 * TOTP enrolment: a secret to add to an authenticator app, a first code, then the recovery codes
 * once. `onContinue`: after activating, a button leads on (an enrolment-only session refreshes).
 */
function SecondFactorSettings({ onContinue }: { onContinue?: () => Promise<void> }) {
  const { t } = useI18n();
  const { me, reload } = useSession();
  const [enrolment, setEnrolment] = useState<Schemas['SecondFactorEnrolmentResponse'] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useMutation(async () =>
    setEnrolment(await unwrap(api.POST('/auth/second-factor/enrolment'))),
  );
  const activate = useMutation(async () => {
    const { recoveryCodes: codes } = await unwrap(
      api.POST('/auth/second-factor/activation', { body: { code: code.replace(/\s/g, '') } }),
    );
    setRecoveryCodes(codes);
    setEnrolment(null);
    setCode('');
    // An enrolment-only session reloads on continuing, after the codes were noted.
    if (!onContinue) {
      await reload();
    }
  });
  const proceed = useMutation(async () => onContinue?.());
  const disable = useMutation(async () => {
    await unwrap(api.POST('/auth/second-factor/deactivation', { body: { password } }));
    setPassword('');
    setRecoveryCodes(null);
    await reload();
  });
  const enabled = me?.secondFactorEnabled === true;
  return (
    <section className="card second-factor" aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t('secondFactor.title')}</h2>
      <p>{enabled ? t('secondFactor.on') : t('secondFactor.off')}</p>
      {recoveryCodes && (
        <div role="status">
          <p className="alert alert-ok">{t('secondFactor.recoveryCodesLead')}</p>
          <ul className="recovery-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          {onContinue && (
            <Button busy={proceed.busy} onClick={() => void proceed.submit()}>
              {t('secondFactor.continue')}
            </Button>
          )}
          <ErrorAlert error={proceed.error} />
        </div>
      )}
      {!enabled && !recoveryCodes && !enrolment && (
        <Button variant="secondary" busy={start.busy} onClick={() => void start.submit()}>
          {t('secondFactor.start')}
        </Button>
      )}
      <ErrorAlert error={start.error} />
      {!enabled && enrolment && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void activate.submit();
          }}
        >
          <p>{t('secondFactor.addToApp')}</p>
          <p>
            <code data-secret>{enrolment.secret}</code>
          </p>
          <p>
            <a href={enrolment.otpauthUri}>{t('secondFactor.openInApp')}</a>
          </p>
          <TextField
            label={t('secondFactor.firstCode')}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <ErrorAlert error={activate.error} />
          <button type="submit" className="button button-primary" disabled={activate.busy}>
            {t('secondFactor.activate')}
          </button>
        </form>
      )}
      {enabled && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void disable.submit();
          }}
        >
          <TextField
            label={t('settings.currentPassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorAlert error={disable.error} />
          <button
            type="submit"
            className="button button-danger"
            disabled={disable.busy || password.length === 0}
          >
            {t('secondFactor.disable')}
          </button>
        </form>
      )}
    </section>
  );
}
