import type { Reason } from './triage-reason';

/**
 * The Dutch DPA's list of processing that always needs a DPIA ("Besluit inzake lijst van
 * verwerkingen van persoonsgegevens waarvoor een gegevensbeschermingseffectbeoordeling (DPIA)
 * verplicht is", Stcrt. 2019, 64418; 17 categories) [G5, legal-rules (e)7], plus the EDPB rule
 * (WP248 rev.01) that processing meeting two of its nine criteria usually needs one.
 */
export type ApDpiaCategory =
  | 'covert_investigation' // 1 heimelijk onderzoek
  | 'blacklists' // 2 zwarte lijsten
  | 'fraud_detection' // 3 fraudebestrijding
  | 'credit_scores' // 4 creditscores
  | 'financial_situation' // 5 financiële situatie
  | 'genetic_data' // 6 genetische persoonsgegevens
  | 'biometric_data' // 7 biometrische gegevens
  | 'data_sharing_partnerships' // 8 samenwerkingsverbanden
  | 'camera_surveillance' // 9 cameratoezicht
  | 'flexible_camera_surveillance' // 10 flexibel cameratoezicht
  | 'employee_monitoring' // 11 controle werknemers
  | 'location_data' // 12 locatiegegevens
  | 'communication_data' // 13 communicatiegegevens
  | 'internet_of_things' // 14 internet of things
  | 'profiling' // 15 profilering
  | 'behaviour_observation' // 16 observatie en beïnvloeding van gedrag
  | 'health_data'; // 17 gezondheidsgegevens

/** The answers the DPA list reads, as far as it concerns staff. */
export interface DpiaAnswers {
  readonly processesStaffPersonalData: boolean;
  readonly largeScaleMonitoring: boolean;
  readonly systematicProfilingWithSignificantEffects: boolean;
  readonly specialCategoryData: boolean;
  readonly biometrics: boolean;
  readonly covertMonitoring?: boolean;
  readonly blacklist?: boolean;
  readonly fraudDetection?: boolean;
  readonly financialSituation?: boolean;
  readonly cameraSurveillance?: boolean;
  readonly locationData?: boolean;
  readonly communicationData?: boolean;
  readonly connectedDevices?: boolean;
  readonly observesOrInfluencesBehaviour?: boolean;
  /** Health data: absence (verzuim), reintegration, occupational health. */
  readonly healthData?: boolean;
  readonly solelyAutomatedSignificantDecisions?: boolean;
}

const AP_LIST: ReadonlyArray<{
  category: ApDpiaCategory;
  number: number;
  applies: (a: DpiaAnswers) => boolean;
  text: string;
}> = [
  {
    category: 'covert_investigation',
    number: 1,
    applies: (a) => a.covertMonitoring === true,
    text: 'covert investigation or covert camera use',
  },
  {
    category: 'blacklists',
    number: 2,
    applies: (a) => a.blacklist === true,
    text: 'blacklists (e.g. of former staff)',
  },
  {
    category: 'fraud_detection',
    number: 3,
    applies: (a) => a.fraudDetection === true,
    text: 'fraud detection about staff',
  },
  {
    category: 'financial_situation',
    number: 5,
    applies: (a) => a.financialSituation === true,
    text: "staff's financial situation",
  },
  { category: 'biometric_data', number: 7, applies: (a) => a.biometrics, text: 'biometric data' },
  {
    category: 'camera_surveillance',
    number: 9,
    applies: (a) => a.cameraSurveillance === true,
    text: 'camera surveillance',
  },
  {
    category: 'employee_monitoring',
    number: 11,
    applies: (a) => a.largeScaleMonitoring,
    text: 'large-scale or systematic monitoring of staff',
  },
  {
    category: 'location_data',
    number: 12,
    applies: (a) => a.locationData === true,
    text: 'location data (e.g. GPS tracking of drivers)',
  },
  {
    category: 'communication_data',
    number: 13,
    applies: (a) => a.communicationData === true,
    text: 'communication data (e-mail, chat, telephony)',
  },
  {
    category: 'internet_of_things',
    number: 14,
    applies: (a) => a.connectedDevices === true,
    text: 'connected devices or wearables',
  },
  {
    category: 'profiling',
    number: 15,
    applies: (a) => a.systematicProfilingWithSignificantEffects,
    text: 'systematic profiling',
  },
  {
    category: 'behaviour_observation',
    number: 16,
    applies: (a) => a.observesOrInfluencesBehaviour === true,
    text: 'observing or influencing behaviour',
  },
  {
    category: 'health_data',
    number: 17,
    applies: (a) => a.healthData === true || a.specialCategoryData,
    text: 'health or other special-category data (absence, reintegration)',
  },
];

export interface DpiaReading {
  readonly required: boolean;
  readonly apCategories: readonly ApDpiaCategory[];
  /** The EDPB criteria met; two or more usually require a DPIA. */
  readonly edpbCriteria: readonly string[];
  readonly reasons: readonly Reason[];
}

const AP_SOURCE = 'AP DPIA list, Stcrt. 2019, 64418';

export function dpiaReading(a: DpiaAnswers): DpiaReading {
  const matched = AP_LIST.filter((c) => c.applies(a));
  const reasons: Reason[] = matched.map((c) => ({
    code: `dpia.ap.${c.category}`,
    text: `Dutch DPA list category ${c.number} (${c.text}): a DPIA is required before processing starts.`,
    sources: ['G1', 'G5', AP_SOURCE],
  }));
  const criteria: string[] = [];
  if (a.processesStaffPersonalData) {
    // Staff are vulnerable data subjects (power imbalance) and AI is innovative technology, so any
    // AI processing staff data meets two criteria already (EDPB WP248; legal-rules (e)7).
    criteria.push('vulnerable_data_subjects', 'innovative_technology');
  }
  if (a.systematicProfilingWithSignificantEffects) {
    criteria.push('evaluation_or_scoring');
  }
  if (a.solelyAutomatedSignificantDecisions) {
    criteria.push('automated_decision_with_legal_effect');
  }
  if (a.largeScaleMonitoring || a.cameraSurveillance || a.locationData) {
    criteria.push('systematic_monitoring');
  }
  if (a.specialCategoryData || a.healthData || a.biometrics) {
    criteria.push('sensitive_data');
  }
  const edpb = criteria.length >= 2;
  if (edpb) {
    reasons.push({
      code: 'dpia.edpb_two_criteria',
      text: `EDPB WP248: ${criteria.length} of the nine criteria are met (${criteria.join(', ').replace(/_/g, ' ')}); a DPIA is usually required.`,
      sources: ['G1', 'G2', 'EDPB WP248 rev.01', 'legal-rules (e)7'],
    });
  }
  return {
    required: matched.length > 0 || edpb,
    apCategories: matched.map((c) => c.category),
    edpbCriteria: criteria,
    reasons,
  };
}

export const DPIA_REASON_CODES: readonly string[] = [
  ...AP_LIST.map((c) => `dpia.ap.${c.category}`),
  'dpia.edpb_two_criteria',
];
