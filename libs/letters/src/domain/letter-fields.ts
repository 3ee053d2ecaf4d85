import type { LetterFields, LetterKind, LetterTrack } from './letter-kinds';

/** How the web edits a field: `money` is entered in euros and kept in cents. */
export type LetterFieldType = 'text' | 'textarea' | 'date' | 'list' | 'choice' | 'yes_no' | 'money';

export interface Labels {
  readonly nl: string;
  readonly en: string;
}

/** One field the author fills in, as the edit form shows it; the server checks it at sign-off. */
export interface LetterFieldDefinition {
  readonly name: keyof LetterFields;
  readonly type: LetterFieldType;
  /** Needed for every letter of the kind; a field needed only in some cases is not (see `missing`). */
  readonly required: boolean;
  readonly label: Labels;
  readonly hint?: Labels;
  readonly options?: ReadonlyArray<{ readonly value: string; readonly label: Labels }>;
}

const reasons = (label: Labels, required = false): LetterFieldDefinition => ({
  name: 'reasons',
  type: 'textarea',
  required,
  label,
});

const POSITIONS: Record<'advice' | 'consent', LetterFieldDefinition['options']> = {
  advice: [
    { value: 'positive', label: { nl: 'Positief advies', en: 'Positive advice' } },
    { value: 'negative', label: { nl: 'Negatief advies', en: 'Negative advice' } },
    { value: 'conditional', label: { nl: 'Advies onder voorwaarden', en: 'Conditional advice' } },
  ],
  consent: [
    { value: 'granted', label: { nl: 'Instemming verleend', en: 'Consent granted' } },
    { value: 'refused', label: { nl: 'Instemming geweigerd', en: 'Consent refused' } },
    {
      value: 'conditional',
      label: { nl: 'Instemming onder voorwaarden', en: 'Consent subject to conditions' },
    },
  ],
};

/** The fields of a kind (on its track), in the order the form shows them. */
export function letterFieldDefinitions(
  kind: LetterKind,
  track: LetterTrack | null,
): LetterFieldDefinition[] {
  switch (kind) {
    case 'advice_request':
    case 'consent_request':
      // Everything the law requires comes from the case's own contents (25(3), 27(2)).
      return [];
    case 'information_request':
      return [
        {
          name: 'question',
          type: 'textarea',
          required: true,
          label: { nl: 'Gevraagde informatie', en: 'Information requested' },
        },
      ];
    case 'consultation_request':
      return [reasons({ nl: 'Redenen voor het verzoek', en: 'Reasons for the request' }, true)];
    case 'council_decision':
      return [
        {
          name: 'position',
          type: 'choice',
          required: true,
          label: { nl: 'Standpunt', en: 'Position' },
          options: POSITIONS[track === 'consent' ? 'consent' : 'advice'],
        },
        {
          name: 'conditions',
          type: 'list',
          required: false,
          label: { nl: 'Voorwaarden', en: 'Conditions' },
          hint: {
            nl: 'Eén voorwaarde per regel; nodig bij een standpunt onder voorwaarden.',
            en: 'One condition per line; needed for a conditional position.',
          },
        },
        reasons(
          { nl: 'Motivering', en: 'Reasons' },
          // WOR 27(2): a consent decision is always reasoned [W13]
          track === 'consent',
        ),
        ...(track === 'advice'
          ? [
              {
                name: 'waivesSuspension',
                type: 'yes_no',
                required: false,
                label: {
                  nl: 'De OR ziet af van de opschorting (WOR art. 25 lid 6)',
                  en: 'The council waives the suspension (WOR art. 25(6))',
                },
              } satisfies LetterFieldDefinition,
            ]
          : []),
      ];
    case 'employer_decision':
      return [
        {
          name: 'follows',
          type: 'yes_no',
          required: true,
          label: {
            nl: 'De ondernemer volgt het advies of besluit van de OR',
            en: "The employer follows the council's advice or decision",
          },
        },
        reasons({ nl: 'Redenen voor het besluit', en: 'Reasons for the decision' }),
        {
          name: 'implementationDate',
          type: 'date',
          required: false,
          label: { nl: 'Datum van uitvoering', en: 'Implementation date' },
        },
      ];
    case 'ai_act_notice':
      return [
        {
          name: 'affectedWorkersInformedBy',
          type: 'textarea',
          required: true,
          label: {
            nl: 'Hoe en wanneer de betrokken werknemers zelf worden geïnformeerd',
            en: 'How and when the affected workers themselves are informed',
          },
        },
      ];
    case 'expert_cost_notice':
      return [
        {
          name: 'expertName',
          type: 'text',
          required: true,
          label: { nl: 'Deskundige', en: 'Expert' },
        },
        {
          name: 'purpose',
          type: 'textarea',
          required: true,
          label: { nl: 'Opdracht', en: 'Assignment' },
        },
        {
          name: 'expectedCostsCents',
          type: 'money',
          required: true,
          label: { nl: 'Verwachte kosten (EUR)', en: 'Expected costs (EUR)' },
        },
      ];
    case 'nullity_invocation':
      return [
        {
          name: 'learnedOn',
          type: 'date',
          required: false,
          label: {
            nl: 'Datum waarop de OR bleek dat het besluit wordt uitgevoerd',
            en: 'Day the council found the decision being implemented',
          },
          hint: {
            nl: 'Alleen als de ondernemer het besluit niet schriftelijk meedeelde (WOR art. 27 lid 5).',
            en: 'Only if the employer did not communicate the decision in writing (WOR art. 27(5)).',
          },
        },
        reasons({ nl: 'Motivering', en: 'Reasons' }),
      ];
    case 'initiative_proposal':
      return [
        {
          name: 'proposal',
          type: 'textarea',
          required: true,
          label: { nl: 'Het voorstel', en: 'The proposal' },
        },
        reasons({ nl: 'Toelichting', en: 'Explanation' }),
      ];
  }
}
