import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The voice of staff and the council's expert's opinion (issue #19, points 6 and 7).
 *
 * - `survey`: an anonymous staff survey the council runs on a case; its results are published in
 *   blocks of five responses (`published_results`), never below five.
 * - `survey_invitation`: one single-use token per invitation, stored as its SHA-256 only. The
 *   invitee's address is not stored at all: it is used to send the e-mail and then forgotten.
 * - `survey_response`: the answers of one response, with no invitation id, no timestamp and a random
 *   id, so nothing in the row orders or links it to an invitation.
 * - `document.kind`: `expert_opinion` is the council's expert's opinion (naming the engagement); the
 *   employer side sees it only once the council attached it to its position.
 */
export class StaffSurveysAndExpertOpinions1770300000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        title text NOT NULL,
        council_questions jsonb NOT NULL,
        status text NOT NULL,
        invitation_count integer NOT NULL,
        response_count integer NOT NULL,
        published_results jsonb,
        published_response_count integer NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        attached_to_position_at timestamptz,
        attached_to_position_by uuid,
        version integer NOT NULL,
        CONSTRAINT pk_survey PRIMARY KEY (id),
        CONSTRAINT ck_survey__status CHECK (status IN ('open', 'closed')),
        CONSTRAINT ck_survey__counts CHECK (invitation_count >= 0 AND response_count >= 0 AND published_response_count >= 0 AND response_count <= invitation_count AND published_response_count <= response_count),
        CONSTRAINT fk_survey__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_survey__case ON survey (case_id)`);
    await db.query(`
      CREATE TABLE survey_invitation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL,
        token_hash text NOT NULL,
        used boolean NOT NULL,
        sent_at timestamptz NOT NULL,
        CONSTRAINT pk_survey_invitation PRIMARY KEY (id),
        CONSTRAINT fk_survey_invitation__survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_survey_invitation__token_hash ON survey_invitation (token_hash)`,
    );
    await db.query(`CREATE INDEX ix_survey_invitation__survey ON survey_invitation (survey_id)`);
    await db.query(`
      CREATE TABLE survey_response (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL,
        answers jsonb NOT NULL,
        CONSTRAINT pk_survey_response PRIMARY KEY (id),
        CONSTRAINT fk_survey_response__survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_survey_response__survey ON survey_response (survey_id)`);

    await db.query(`ALTER TABLE document ADD COLUMN kind text NOT NULL DEFAULT 'document'`);
    await db.query(`ALTER TABLE document ADD COLUMN expert_engagement_id uuid`);
    await db.query(`ALTER TABLE document ADD COLUMN attached_to_position_at timestamptz`);
    await db.query(`ALTER TABLE document ADD COLUMN attached_to_position_by uuid`);
    await db.query(
      `ALTER TABLE document ADD CONSTRAINT ck_document__kind CHECK (kind IN ('document', 'expert_opinion'))`,
    );
    await db.query(
      `ALTER TABLE document ADD CONSTRAINT ck_document__expert_opinion CHECK ((kind = 'expert_opinion') = (expert_engagement_id IS NOT NULL) AND (kind = 'expert_opinion' OR attached_to_position_at IS NULL))`,
    );
    await db.query(
      `ALTER TABLE document ADD CONSTRAINT fk_document__council_expert_engagement FOREIGN KEY (expert_engagement_id) REFERENCES council_expert_engagement (id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document DROP CONSTRAINT fk_document__council_expert_engagement`);
    await db.query(`ALTER TABLE document DROP CONSTRAINT ck_document__expert_opinion`);
    await db.query(`ALTER TABLE document DROP CONSTRAINT ck_document__kind`);
    await db.query(`ALTER TABLE document DROP COLUMN attached_to_position_by`);
    await db.query(`ALTER TABLE document DROP COLUMN attached_to_position_at`);
    await db.query(`ALTER TABLE document DROP COLUMN expert_engagement_id`);
    await db.query(`ALTER TABLE document DROP COLUMN kind`);
    await db.query(`DROP TABLE survey_response`);
    await db.query(`DROP TABLE survey_invitation`);
    await db.query(`DROP TABLE survey`);
  }
}
