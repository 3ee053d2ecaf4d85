import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { gateConditionText } from '@wc/texts';

import { api, type Schemas, unwrap } from '../api/client';
import { type Side, triageOf } from '../domain';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { Sources } from './triage';
import { Badge, Checkbox, ErrorAlert, TextField, useMutation } from './ui';

type CaseResponse = Schemas['CaseResponse'];

/** The go-live gate: every condition the triage made applicable, met or not, with its source. */
export function GoLiveGate({
  aiCase,
  side,
  onChanged,
}: {
  aiCase: CaseResponse;
  side: Side;
  onChanged: (c: CaseResponse) => void;
}) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const gate = aiCase.goLiveGate;
  if (!gate) {
    return <p className="empty">{t('gate.afterTriage')}</p>;
  }
  const oversight = gate.conditions.find((c) => c.key === 'oversight_trained');
  const blockReason = triageOf(aiCase)?.outcome.blockReason;
  return (
    <div
      className={`gate ${gate.open ? 'gate-open' : 'gate-blocked'}`}
      data-gate={gate.open ? 'open' : 'blocked'}
    >
      <p className="gate-verdict">
        <Badge tone={gate.open ? 'ok' : 'danger'}>
          {gate.open ? t('gate.open') : t('gate.blocked')}
        </Badge>{' '}
        {gate.open ? t('gate.openLead') : t('gate.blockedLead')}
      </p>
      <ul className="checklist">
        {gate.conditions.map((c) => (
          <li
            key={c.key}
            className={c.met ? 'met' : 'unmet'}
            data-condition={c.key}
            data-met={c.met}
          >
            <span className="check" aria-hidden="true">
              {c.met ? '✓' : '✗'}
            </span>
            <span>
              <strong>{label('gate', c.key)}</strong>{' '}
              <span className="visually-hidden">{c.met ? t('gate.met') : t('gate.unmet')}</span>
              <br />
              <span className="muted small">
                {gateConditionText({ key: c.key, reason: c.reason }, blockReason, i18n)}{' '}
                <Sources sources={c.sources} />
              </span>
            </span>
          </li>
        ))}
      </ul>
      <DutyDates caseId={aiCase.id} version={aiCase.version} />
      {oversight && !oversight.met && side === 'employer' && aiCase.status === 'sent' && (
        <OversightForm aiCase={aiCase} onChanged={onChanged} />
      )}
    </div>
  );
}

/** Whether each AI Act duty of the triage binds today, from the regulatory calendar (art. 113, 111). */
function DutyDates({ caseId, version }: { caseId: string; version: number }) {
  const { t, label, day } = useI18n();
  const gate = useQuery({
    queryKey: keys.case(caseId, 'go-live-gate', version),
    queryFn: () =>
      unwrap(api.GET('/cases/{caseId}/go-live-gate', { params: { path: { caseId } } })),
  });
  // The route may answer null (no triage yet); the generated type does not say so.
  const duties = (gate.data as Schemas['GoLiveGateResponse'] | null | undefined)?.dutyDates ?? [];
  if (duties.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="duty-dates-title" data-testid="duty-dates">
      <h4 id="duty-dates-title">{t('gate.dutyDates')}</h4>
      <ul className="checklist">
        {duties.map((d) => (
          <li key={d.group} data-duty={d.group} data-binds={d.bindsToday}>
            <strong>{label('dutyGroup', d.group)}</strong>{' '}
            <Badge tone={d.bindsToday ? 'warn' : 'neutral'}>
              {d.bindsToday ? t('gate.dutyBinds') : t('gate.dutyNotYet')}
            </Badge>{' '}
            <span className="muted small">
              {d.appliesFrom
                ? t('gate.dutyFrom', { date: day(d.appliesFrom) })
                : t('gate.dutyNoDate')}
              {d.note === 'legacy_system_art_111' && ` ${t('gate.dutyLegacy')}`}{' '}
              {d.source && <Sources sources={[d.source]} />}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OversightForm({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  const [staffNamed, setStaffNamed] = useState(false);
  const [trained, setTrained] = useState(false);
  const [note, setNote] = useState('');
  const save = useMutation(async () =>
    onChanged(
      await unwrap(
        api.POST('/cases/{caseId}/oversight-confirmations', {
          params: { path: { caseId: aiCase.id } },
          body: { version: aiCase.version, staffNamed, trained, ...(note ? { note } : {}) },
        }),
      ),
    ),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.submit();
  };
  return (
    <details className="action">
      <summary>{t('gate.confirmOversight')}</summary>
      <form onSubmit={onSubmit}>
        <Checkbox
          label={t('gate.staffNamed')}
          checked={staffNamed}
          onChange={(e) => setStaffNamed(e.target.checked)}
        />
        <Checkbox
          label={t('gate.trained')}
          checked={trained}
          onChange={(e) => setTrained(e.target.checked)}
        />
        <TextField label={t('gate.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <ErrorAlert error={save.error} />
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}
