import { type FormEvent, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import { ACTION_FIELDS, type ActionField, type ActionType, actionsFor, POSITIONS, type Side, type TrackKind } from '../domain';
import { todayInAmsterdam } from '../format';
import { useI18n } from '../i18n';
import { Checkbox, ErrorAlert, SelectField, TextArea, TextField, useMutation, YesNo } from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Track = Schemas['TrackResponse'];
type TrackAction = Schemas['TrackActionDto'];

/** The actions open to the reader's side on one track, each a small form. */
export function TrackActions({ aiCase, track, side, onChanged }: { aiCase: CaseResponse; track: Track; side: Side; onChanged: (c: CaseResponse) => void }) {
  const { t } = useI18n();
  const actions = aiCase.status === 'sent' ? actionsFor(track.kind as TrackKind, track.stage, side) : [];
  if (actions.length === 0) {
    return null;
  }
  return (
    <div className="track-actions" role="group" aria-label={t('actions.groupLabel')}>
      {actions.map((action) => (
        <ActionForm key={action} action={action} aiCase={aiCase} kind={track.kind as TrackKind} onChanged={onChanged} />
      ))}
    </div>
  );
}

function ActionForm({ action, aiCase, kind, onChanged }: { action: ActionType; aiCase: CaseResponse; kind: TrackKind; onChanged: (c: CaseResponse) => void }) {
  const { t, label } = useI18n();
  const fields = ACTION_FIELDS[action] ?? [];
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Partial<TrackAction>>(() => defaults(fields, kind));
  const [conditions, setConditions] = useState('');
  const run = useMutation(async () => {
    const body: TrackAction = { ...values, type: action };
    if (fields.includes('conditions')) {
      body.conditions = conditions.split('\n').map((c) => c.trim()).filter(Boolean);
    }
    const next = await unwrap(api.POST('/cases/{caseId}/tracks/{kind}/transitions', { params: { path: { caseId: aiCase.id, kind } }, body: { version: aiCase.version, action: body } }));
    setOpen(false);
    onChanged(next);
  });
  const set = <K extends keyof TrackAction>(key: K, value: TrackAction[K]) => setValues((v) => ({ ...v, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run.submit();
  };
  const name = label('action', action);
  return (
    <details className="action" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-action={action}>
      <summary>{name}</summary>
      <form onSubmit={onSubmit} noValidate>
        {fields.map((field) => (
          <Field key={field} field={field} kind={kind} values={values} set={set} conditions={conditions} setConditions={setConditions} />
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
  if (fields.includes('receivedOn')) {
    values.receivedOn = today;
  }
  if (fields.includes('position')) {
    values.position = POSITIONS[kind === 'consent' ? 'consent' : 'advice'][0];
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
      return <TextField label={text} value={values.subject ?? ''} onChange={(e) => set('subject', e.target.value || undefined)} />;
    case 'reasons':
      return <TextArea label={text} value={values.reasons ?? ''} onChange={(e) => set('reasons', e.target.value || undefined)} />;
    case 'conditions':
      return <TextArea label={text} hint={t('actionField.conditionsHint')} value={conditions} onChange={(e) => setConditions(e.target.value)} />;
    case 'heldOn':
    case 'receivedOn':
    case 'implementationDate':
    case 'waivedUntil':
      return <TextField label={text} type="date" value={values[field] ?? ''} onChange={(e) => set(field, e.target.value || undefined)} />;
    case 'position':
      return (
        <SelectField label={text} value={values.position ?? ''} onChange={(e) => set('position', e.target.value)}>
          {POSITIONS[kind === 'consent' ? 'consent' : 'advice'].map((p) => (
            <option key={p} value={p}>
              {label('position', p)}
            </option>
          ))}
        </SelectField>
      );
    case 'waivesSuspension':
      return kind === 'advice' ? <Checkbox label={text} checked={values.waivesSuspension ?? false} onChange={(e) => set('waivesSuspension', e.target.checked)} /> : null;
    case 'follows':
    case 'whole':
    case 'upheld':
    case 'granted':
    case 'residualHighRisk':
      return <YesNo name={`${field}-${kind}`} legend={text} value={values[field]} onChange={(v) => set(field, v)} />;
    case 'recipients':
      return (
        <fieldset>
          <legend>{text}</legend>
          {(['workers_representatives', 'affected_workers'] as const).map((r) => (
            <Checkbox
              key={r}
              label={label('recipient', r)}
              checked={(values.recipients ?? []).includes(r)}
              onChange={(e) => set('recipients', e.target.checked ? [...(values.recipients ?? []), r] : (values.recipients ?? []).filter((x) => x !== r))}
            />
          ))}
        </fieldset>
      );
  }
}
