import { type FormEvent, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import {
  ACTION_FIELDS,
  type ActionField,
  type CouncilPosition,
  POSITIONS,
  type TrackKind,
} from '../domain';
import { Link } from '../router';
import { type ActionType, offeredActions } from '../track-offer';
import { todayInAmsterdam } from '../format';
import { useI18n } from '../i18n';
import { OpenVoteWarning } from './council-space';
import { Checkbox, ErrorAlert, SelectField, TextArea, TextField, useMutation, YesNo } from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Track = Schemas['TrackResponse'];
type TrackActionBody = Schemas['TrackTransitionDto']['action'];
type KeysOf<U> = U extends unknown ? keyof U : never;
type FieldOf<U, K extends PropertyKey> = U extends unknown
  ? K extends keyof U
    ? Exclude<U[K], undefined>
    : never
  : never;
/** The form's values: any field of any action; the server validates them per `type`. */
type TrackAction = { type: ActionType } & {
  [K in Exclude<KeysOf<TrackActionBody>, 'type'>]?: FieldOf<TrackActionBody, K>;
};

/** The actions the server offers the reader on one track: open ones as forms, refused ones with what is missing. */
export function TrackActions({
  aiCase,
  track,
  onChanged,
}: {
  aiCase: CaseResponse;
  track: Track;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, label } = useI18n();
  const { open, refused } = offeredActions(track);
  if (open.length === 0 && refused.length === 0) {
    return null;
  }
  return (
    <div className="track-actions" role="group" aria-label={t('actions.groupLabel')}>
      {open.map((action) => (
        <ActionForm
          key={action}
          action={action}
          aiCase={aiCase}
          kind={track.kind}
          onChanged={onChanged}
        />
      ))}
      {refused.length > 0 && (
        <ul className="refused-actions">
          {refused.map((a) => (
            <li key={a.action} data-refused-action={a.action}>
              <span className="muted">{label('action', a.action)}</span> ·{' '}
              {t('actions.stillNeeded')}{' '}
              {a.missing.map((m, i) => (
                <span key={m.code}>
                  {i > 0 && ', '}
                  <Link
                    to={
                      m.tab === 'overview' ? `/cases/${aiCase.id}` : `/cases/${aiCase.id}/${m.tab}`
                    }
                    onClick={() => scrollToSoon(m.anchor)}
                  >
                    {missingLabel(label, m)}
                  </Link>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The label of a missing item from its server key; a key without a text falls back to the readable code. */
function missingLabel(
  label: (group: string, value: string) => string,
  m: { labelKey: string },
): string {
  const [group, ...rest] = m.labelKey.split('.');
  return label(group, rest.join('.'));
}

function scrollToSoon(anchor: string): void {
  // The tab renders after the route changes; then the element exists.
  window.setTimeout(() => document.getElementById(anchor)?.scrollIntoView({ block: 'start' }), 50);
}

function ActionForm({
  action,
  aiCase,
  kind,
  onChanged,
}: {
  action: ActionType;
  aiCase: CaseResponse;
  kind: TrackKind;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, label } = useI18n();
  const fields = ACTION_FIELDS[action] ?? [];
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Partial<TrackAction>>(() => defaults(fields, kind));
  const [conditions, setConditions] = useState('');
  const run = useMutation(async () => {
    const body: TrackAction = { ...values, type: action };
    if (fields.includes('conditions')) {
      body.conditions = conditions
        .split('\n')
        .map((c) => c.trim())
        .filter(Boolean);
    }
    const next = await unwrap(
      api.POST('/cases/{caseId}/tracks/{kind}/transitions', {
        params: { path: { caseId: aiCase.id, kind } },
        // The form gathers the fields of its action; the server validates them against `type`.
        body: { version: aiCase.version, action: body as TrackActionBody },
      }),
    );
    setOpen(false);
    onChanged(next);
  });
  const set = <K extends keyof TrackAction>(key: K, value: TrackAction[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run.submit();
  };
  const name = label('action', action);
  return (
    <details
      className="action"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      data-action={action}
    >
      <summary>{name}</summary>
      <form onSubmit={onSubmit} noValidate>
        {action === 'record_council_position' && <OpenVoteWarning aiCase={aiCase} />}
        {fields.map((field) => (
          <Field
            key={field}
            field={field}
            kind={kind}
            values={values}
            set={set}
            conditions={conditions}
            setConditions={setConditions}
          />
        ))}
        <ErrorAlert error={run.error} />
        <button type="submit" className="button button-primary" disabled={run.busy}>
          {t('actions.confirm', { action: name })}
        </button>
      </form>
    </details>
  );
}

function defaults(fields: readonly ActionField[], kind: TrackKind): Partial<TrackAction> {
  const today = todayInAmsterdam();
  const values: Partial<TrackAction> = {};
  if (fields.includes('heldOn')) {
    values.heldOn = today;
  }
  // With a choice between two start days (27(5)), neither is guessed.
  if (fields.includes('receivedOn') && !fields.includes('learnedOn')) {
    values.receivedOn = today;
  }
  if (fields.includes('position')) {
    values.position = POSITIONS[kind === 'consent' ? 'consent' : 'advice'][0] as CouncilPosition;
  }
  if (fields.includes('follows')) {
    values.follows = true;
  }
  if (fields.includes('whole')) {
    values.whole = true;
  }
  if (fields.includes('recipients')) {
    values.recipients = ['workers_representatives', 'affected_workers'];
  }
  return values;
}

interface FieldProps {
  field: ActionField;
  kind: TrackKind;
  values: Partial<TrackAction>;
  set: <K extends keyof TrackAction>(key: K, value: TrackAction[K]) => void;
  conditions: string;
  setConditions: (value: string) => void;
}

function Field({ field, kind, values, set, conditions, setConditions }: FieldProps) {
  const { t, label } = useI18n();
  const text = t(`actionField.${field}`);
  switch (field) {
    case 'subject':
      return (
        <TextField
          label={text}
          value={values.subject ?? ''}
          onChange={(e) => set('subject', e.target.value || undefined)}
        />
      );
    case 'reasons':
      return (
        <TextArea
          label={text}
          value={values.reasons ?? ''}
          onChange={(e) => set('reasons', e.target.value || undefined)}
        />
      );
    case 'conditions':
      return (
        <TextArea
          label={text}
          hint={t('actionField.conditionsHint')}
          value={conditions}
          onChange={(e) => setConditions(e.target.value)}
        />
      );
    case 'learnedOn':
      return (
        <TextField
          label={text}
          hint={t('actionField.learnedOnHint')}
          type="date"
          value={values.learnedOn ?? ''}
          onChange={(e) => set('learnedOn', e.target.value || undefined)}
        />
      );
    case 'heldOn':
    case 'receivedOn':
    case 'implementationDate':
    case 'waivedUntil':
      return (
        <TextField
          label={text}
          type="date"
          value={values[field] ?? ''}
          onChange={(e) => set(field, e.target.value || undefined)}
        />
      );
    case 'position':
      return (
        <SelectField
          label={text}
          value={values.position ?? ''}
          onChange={(e) => set('position', e.target.value as CouncilPosition)}
        >
          {POSITIONS[kind === 'consent' ? 'consent' : 'advice'].map((p) => (
            <option key={p} value={p}>
              {label('position', p)}
            </option>
          ))}
        </SelectField>
      );
    case 'waivesSuspension':
      return kind === 'advice' ? (
        <Checkbox
          label={text}
          checked={values.waivesSuspension ?? false}
          onChange={(e) => set('waivesSuspension', e.target.checked)}
        />
      ) : null;
    case 'follows':
    case 'whole':
    case 'upheld':
    case 'granted':
    case 'residualHighRisk':
      return (
        <YesNo
          name={`${field}-${kind}`}
          legend={text}
          value={values[field]}
          onChange={(v) => set(field, v)}
        />
      );
    case 'recipients':
      return (
        <fieldset>
          <legend>{text}</legend>
          {(['workers_representatives', 'affected_workers'] as const).map((r) => (
            <Checkbox
              key={r}
              label={label('recipient', r)}
              checked={(values.recipients ?? []).includes(r)}
              onChange={(e) =>
                set(
                  'recipients',
                  e.target.checked
                    ? [...(values.recipients ?? []), r]
                    : (values.recipients ?? []).filter((x) => x !== r),
                )
              }
            />
          ))}
        </fieldset>
      );
  }
}
