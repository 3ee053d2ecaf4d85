import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #19, points 3-5: after go-live (seed-requirements 4, stage 4). A case's monitoring plan
 * (goals and quality-of-work indicators), its scheduled evaluations (re-rating the impact
 * assessment, 1.4), the post-go-live incident log, the link of a follow-up case opened by a
 * material register change (P5), and the complaints desk of a system (AI Act art. 86, GDPR
 * art. 15 and 22) with its designated human contact.
 */
export class MonitoringAndComplaints1770200000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monitoring_plan (
        case_id uuid NOT NULL,
        goals jsonb NOT NULL DEFAULT '[]',
        indicators jsonb NOT NULL DEFAULT '[]',
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_monitoring_plan PRIMARY KEY (case_id),
        CONSTRAINT fk_monitoring_plan__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE evaluation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        seq integer NOT NULL,
        go_live_on date NOT NULL,
        months_after integer NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL,
        reminded_at timestamptz,
        ratings jsonb NOT NULL DEFAULT '[]',
        goal_results jsonb NOT NULL DEFAULT '[]',
        summary text NOT NULL DEFAULT '',
        recorded_by uuid,
        recorded_side text,
        recorded_at timestamptz,
        CONSTRAINT pk_evaluation PRIMARY KEY (id),
        CONSTRAINT fk_evaluation__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE,
        CONSTRAINT ck_evaluation__status CHECK (status IN ('scheduled', 'recorded'))
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_evaluation__case_seq ON evaluation (case_id, seq)`);
    await db.query(
      `CREATE INDEX ix_evaluation__due_on ON evaluation (due_on) WHERE status = 'scheduled'`,
    );
    await db.query(`
      CREATE TABLE monitoring_incident (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        kind text NOT NULL,
        description text NOT NULL,
        occurred_on date NOT NULL,
        reported_by uuid NOT NULL,
        reported_side text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_monitoring_incident PRIMARY KEY (id),
        CONSTRAINT fk_monitoring_incident__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE,
        CONSTRAINT ck_monitoring_incident__kind CHECK (kind IN ('override', 'correction', 'staff_report', 'unforeseen_effect'))
      )`);
    await db.query(
      `CREATE INDEX ix_monitoring_incident__case ON monitoring_incident (case_id, occurred_on)`,
    );
    await db.query(`
      CREATE TABLE case_follow_up (
        case_id uuid NOT NULL,
        follows_case_id uuid NOT NULL,
        ai_system_id uuid NOT NULL,
        fields jsonb NOT NULL,
        opened_at timestamptz NOT NULL,
        CONSTRAINT pk_case_follow_up PRIMARY KEY (case_id),
        CONSTRAINT fk_case_follow_up__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE,
        CONSTRAINT fk_case_follow_up__follows FOREIGN KEY (follows_case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_case_follow_up__follows ON case_follow_up (follows_case_id)`);
    await db.query(`
      CREATE TABLE complaint_contact (
        ai_system_id uuid NOT NULL,
        user_id uuid NOT NULL,
        designated_by uuid NOT NULL,
        designated_at timestamptz NOT NULL,
        CONSTRAINT pk_complaint_contact PRIMARY KEY (ai_system_id),
        CONSTRAINT fk_complaint_contact__ai_system FOREIGN KEY (ai_system_id) REFERENCES ai_system (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE complaint (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ai_system_id uuid NOT NULL,
        kind text NOT NULL,
        legal_basis text NOT NULL,
        complainant text NOT NULL,
        description text NOT NULL,
        received_on date NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL,
        outcome text,
        explanation text,
        answered_on date,
        logged_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_complaint PRIMARY KEY (id),
        CONSTRAINT fk_complaint__ai_system FOREIGN KEY (ai_system_id) REFERENCES ai_system (id) ON DELETE CASCADE,
        CONSTRAINT ck_complaint__kind CHECK (kind IN ('complaint', 'explanation_request')),
        CONSTRAINT ck_complaint__legal_basis CHECK (legal_basis IN ('ai_act_86', 'gdpr_15', 'gdpr_22', 'other')),
        CONSTRAINT ck_complaint__status CHECK (status IN ('open', 'answered')),
        CONSTRAINT ck_complaint__answered CHECK (status <> 'answered' OR (outcome IS NOT NULL AND explanation IS NOT NULL AND answered_on IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ix_complaint__ai_system ON complaint (ai_system_id, received_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'complaint',
      'complaint_contact',
      'case_follow_up',
      'monitoring_incident',
      'evaluation',
      'monitoring_plan',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
