import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCases1767312000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ai_system (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        vendor text NOT NULL,
        model_name text NOT NULL DEFAULT '',
        model_version text NOT NULL DEFAULT '',
        purpose text NOT NULL,
        primary_purpose text NOT NULL,
        decisions text NOT NULL DEFAULT '',
        data_categories jsonb NOT NULL DEFAULT '[]'::jsonb,
        affected_groups jsonb NOT NULL DEFAULT '[]'::jsonb,
        affected_headcount integer NOT NULL DEFAULT 0,
        monitoring_capability boolean NOT NULL DEFAULT false,
        go_live_date date,
        status text NOT NULL DEFAULT 'planned',
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_ai_system PRIMARY KEY (id),
        CONSTRAINT ck_ai_system__status CHECK (status IN ('planned', 'pilot', 'live', 'retired')),
        CONSTRAINT ck_ai_system__primary_purpose CHECK (primary_purpose IN ('support', 'automate_task', 'control_monitor', 'decide_about_people', 'other')),
        CONSTRAINT fk_ai_system__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_ai_system__organisation ON ai_system (organisation_id)`);
    await db.query(`
      CREATE TABLE ai_system_change (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ai_system_id uuid NOT NULL,
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL,
        changes jsonb NOT NULL,
        material boolean NOT NULL,
        CONSTRAINT pk_ai_system_change PRIMARY KEY (id),
        CONSTRAINT fk_ai_system_change__ai_system FOREIGN KEY (ai_system_id) REFERENCES ai_system (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_ai_system_change__ai_system ON ai_system_change (ai_system_id)`,
    );
    await db.query(`
      CREATE TABLE ai_case (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        works_council_id uuid NOT NULL,
        ai_system_id uuid NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        stage text NOT NULL DEFAULT 'draft',
        blocked boolean NOT NULL DEFAULT false,
        contents jsonb NOT NULL DEFAULT '{}'::jsonb,
        triage jsonb,
        gate_facts jsonb NOT NULL DEFAULT '{}'::jsonb,
        expert_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        sent_at timestamptz,
        created_by uuid NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_ai_case PRIMARY KEY (id),
        CONSTRAINT ck_ai_case__status CHECK (status IN ('draft', 'sent')),
        CONSTRAINT fk_ai_case__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
        CONSTRAINT fk_ai_case__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE RESTRICT,
        CONSTRAINT fk_ai_case__ai_system FOREIGN KEY (ai_system_id) REFERENCES ai_system (id) ON DELETE RESTRICT
      )`);
    await db.query(`CREATE INDEX ix_ai_case__organisation ON ai_case (organisation_id)`);
    await db.query(`CREATE INDEX ix_ai_case__works_council ON ai_case (works_council_id)`);
    await db.query(`
      CREATE TABLE case_track (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        snapshot jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_track PRIMARY KEY (id),
        CONSTRAINT ck_case_track__kind CHECK (kind IN ('advice', 'consent', 'ai_act', 'dpia', 'skills')),
        CONSTRAINT fk_case_track__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_case_track__case_kind ON case_track (case_id, kind)`);
    await db.query(`
      CREATE TABLE triage_record (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        kind text NOT NULL,
        answers jsonb,
        outcome jsonb,
        note text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT pk_triage_record PRIMARY KEY (id),
        CONSTRAINT ck_triage_record__kind CHECK (kind IN ('triage', 'contest', 'contest_resolved')),
        CONSTRAINT fk_triage_record__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_triage_record__case ON triage_record (case_id)`);
    await db.query(`
      CREATE TABLE deadline (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid,
        organisation_id uuid NOT NULL,
        works_council_id uuid,
        track_kind text,
        rule_id text NOT NULL,
        source text NOT NULL,
        statutory boolean NOT NULL,
        fatal boolean NOT NULL,
        trigger_date date NOT NULL,
        strict_date date NOT NULL,
        extended_date date NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open',
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_deadline PRIMARY KEY (id),
        CONSTRAINT ck_deadline__status CHECK (status IN ('open', 'met', 'cancelled')),
        CONSTRAINT fk_deadline__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_deadline__case ON deadline (case_id)`);
    await db.query(`CREATE INDEX ix_deadline__status_due_at ON deadline (status, due_at)`);
    await db.query(`
      CREATE TABLE information_request (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        question text NOT NULL,
        asked_by uuid NOT NULL,
        asked_at timestamptz NOT NULL,
        due_date date NOT NULL,
        answer text,
        answered_by uuid,
        answered_at timestamptz,
        CONSTRAINT pk_information_request PRIMARY KEY (id),
        CONSTRAINT fk_information_request__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_information_request__case ON information_request (case_id)`);
    await db.query(`
      CREATE TABLE regulatory_calendar (
        rule_key text NOT NULL,
        effective_from date NOT NULL,
        source text NOT NULL,
        note text NOT NULL DEFAULT '',
        CONSTRAINT pk_regulatory_calendar PRIMARY KEY (rule_key)
      )`);
    await db.query(`
      INSERT INTO regulatory_calendar (rule_key, effective_from, source, note) VALUES
        ('ai_act_art4_literacy', '2025-02-02', 'AI Act art. 4, 113 [E1, A7, A10]', 'Wording softened by the Digital Omnibus [O5]; date unchanged.'),
        ('ai_act_art5_prohibitions', '2025-02-02', 'AI Act art. 5, 113 [E2, A4, A7]', 'Emotion recognition at work banned.'),
        ('ai_act_art50_transparency', '2026-08-02', 'AI Act art. 50 [E14, A9]', 'Not deferred by the Omnibus.'),
        ('ai_act_annex_iii_high_risk', '2027-12-02', 'AI Act 6(2), 26, 27, Annex III; Digital Omnibus [E3, O2, O4]', 'Originally 2026-08-02; moved by the Digital Omnibus (OJ publication to confirm).')`);
    await db.query(`
      CREATE TABLE audit_entry (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        seq integer NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        occurred_at timestamptz NOT NULL,
        before jsonb,
        after jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT pk_audit_entry PRIMARY KEY (id)
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_audit_entry__case_seq ON audit_entry (case_id, seq)`);
    // The audit trail is append-only at the database level, whoever connects.
    await db.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_audit_entry__append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
    await db.query(`
      CREATE TRIGGER tr_audit_entry__no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`);
    await db.query(`
      CREATE TABLE domain_event (
        id bigserial NOT NULL,
        type text NOT NULL,
        organisation_id uuid,
        works_council_id uuid,
        case_id uuid,
        case_seq integer,
        user_id uuid,
        actor_id uuid,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT pk_domain_event PRIMARY KEY (id)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_domain_event__case_seq ON domain_event (case_id, case_seq)`,
    );
    await db.query(`CREATE INDEX ix_domain_event__occurred_at ON domain_event (occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE domain_event`);
    await db.query(`DROP TABLE audit_entry`);
    await db.query(`DROP FUNCTION audit_entry_append_only()`);
    for (const table of [
      'regulatory_calendar',
      'information_request',
      'deadline',
      'triage_record',
      'case_track',
      'ai_case',
      'ai_system_change',
      'ai_system',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
