import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case dossier (issue #5): the impact assessment (a draft per case, immutable submitted
 * versions, council comments per question), the human-oversight arrangement and the training
 * plan with completions per person.
 *
 * Submitted versions are immutable at the database level: a trigger refuses UPDATE, and DELETE
 * unless it comes from the cascade of deleting the case itself (then the trigger runs nested).
 */
export class CreateDossier1767744000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assessment (
        case_id uuid NOT NULL,
        answers jsonb NOT NULL DEFAULT '{}'::jsonb,
        dimension_ratings jsonb NOT NULL DEFAULT '{}'::jsonb,
        risks jsonb NOT NULL DEFAULT '[]'::jsonb,
        dpia jsonb,
        fria jsonb,
        updated_by uuid NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_assessment PRIMARY KEY (case_id),
        CONSTRAINT fk_assessment__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE assessment_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        seq integer NOT NULL,
        content jsonb NOT NULL,
        sections jsonb NOT NULL,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL,
        CONSTRAINT pk_assessment_version PRIMARY KEY (id),
        CONSTRAINT ck_assessment_version__seq CHECK (seq >= 1),
        CONSTRAINT fk_assessment_version__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_assessment_version__case_seq ON assessment_version (case_id, seq)`,
    );
    await db.query(`
      CREATE FUNCTION assessment_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The cascade from deleting the case runs this trigger nested inside the FK action.
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'assessment_version is immutable: a submitted version cannot change' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_assessment_version__immutable BEFORE UPDATE OR DELETE ON assessment_version
      FOR EACH ROW EXECUTE FUNCTION assessment_version_immutable()`);
    await db.query(`
      CREATE TABLE assessment_comment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        question_id text NOT NULL,
        version_seq integer,
        author_id uuid NOT NULL,
        author_side text NOT NULL,
        body text NOT NULL,
        counter_effect text,
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        CONSTRAINT pk_assessment_comment PRIMARY KEY (id),
        CONSTRAINT ck_assessment_comment__author_side CHECK (author_side IN ('council_board', 'council_member', 'expert')),
        CONSTRAINT ck_assessment_comment__counter_effect CHECK (counter_effect IN ('-2', '-1', '0', '1', '2', 'unknown')),
        CONSTRAINT fk_assessment_comment__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_assessment_comment__case ON assessment_comment (case_id)`);
    await db.query(`
      CREATE TABLE oversight_arrangement (
        case_id uuid NOT NULL,
        applies_to text NOT NULL DEFAULT '',
        oversight_model text,
        overseers jsonb NOT NULL DEFAULT '[]'::jsonb,
        knowledge_and_training text NOT NULL,
        escalation_path text NOT NULL,
        complaint_procedure jsonb NOT NULL,
        protection text NOT NULL DEFAULT '',
        log_retention_months integer NOT NULL,
        review_date date NOT NULL,
        updated_by uuid NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_oversight_arrangement PRIMARY KEY (case_id),
        CONSTRAINT ck_oversight_arrangement__log_retention_months CHECK (log_retention_months >= 6),
        CONSTRAINT ck_oversight_arrangement__oversight_model CHECK (oversight_model IN ('single_reviewer', 'multiple_reviewers', 'combined_with_other_information', 'documented_no_human_value')),
        CONSTRAINT fk_oversight_arrangement__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE training_plan (
        case_id uuid NOT NULL,
        audiences jsonb NOT NULL DEFAULT '[]'::jsonb,
        modules jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_by uuid NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_training_plan PRIMARY KEY (case_id),
        CONSTRAINT fk_training_plan__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE training_completion (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        module_key text NOT NULL,
        person_key text NOT NULL,
        person_user_id uuid,
        person_name text NOT NULL,
        completed_on date NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT pk_training_completion PRIMARY KEY (id),
        CONSTRAINT fk_training_completion__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_training_completion__case_module_person ON training_completion (case_id, module_key, person_key)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'training_completion',
      'training_plan',
      'oversight_arrangement',
      'assessment_comment',
      'assessment_version',
      'assessment',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION assessment_version_immutable()`);
  }
}
