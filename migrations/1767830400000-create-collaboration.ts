import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussion and decisions (issue #6): comment threads with their revisions, the council-internal
 * space (notes, draft positions, votes and ballots) and meetings (participants, agenda items,
 * minutes and decisions).
 */
export class CreateCollaboration1767830400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE comment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        thread_key text NOT NULL,
        visibility text NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        mentions jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        deleted_at timestamptz,
        version integer NOT NULL,
        CONSTRAINT pk_comment PRIMARY KEY (id),
        CONSTRAINT ck_comment__visibility CHECK (visibility IN ('case', 'union')),
        CONSTRAINT fk_comment__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE,
        CONSTRAINT fk_comment__author FOREIGN KEY (author_id) REFERENCES app_user (id)
      )`);
    await db.query(
      `CREATE INDEX ix_comment__case_thread ON comment (case_id, thread_key, created_at)`,
    );
    await db.query(`
      CREATE TABLE comment_revision (
        comment_id uuid NOT NULL,
        revision integer NOT NULL,
        body text NOT NULL,
        revised_at timestamptz NOT NULL,
        CONSTRAINT pk_comment_revision PRIMARY KEY (comment_id, revision),
        CONSTRAINT fk_comment_revision__comment FOREIGN KEY (comment_id) REFERENCES comment (id) ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE internal_note (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        author_id uuid NOT NULL,
        kind text NOT NULL,
        track text,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_internal_note PRIMARY KEY (id),
        CONSTRAINT ck_internal_note__kind CHECK (kind IN ('note', 'draft_position')),
        CONSTRAINT ck_internal_note__track CHECK (track IN ('advice', 'consent')),
        CONSTRAINT fk_internal_note__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE,
        CONSTRAINT fk_internal_note__author FOREIGN KEY (author_id) REFERENCES app_user (id)
      )`);
    await db.query(`CREATE INDEX ix_internal_note__case ON internal_note (case_id, created_at)`);
    await db.query(`
      CREATE TABLE vote (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        proposal text NOT NULL,
        options jsonb NOT NULL DEFAULT '[]',
        quorum integer NOT NULL,
        closes_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open',
        result jsonb,
        closed_at timestamptz,
        adopted_as_position boolean NOT NULL DEFAULT false,
        adopted_track text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_vote PRIMARY KEY (id),
        CONSTRAINT ck_vote__status CHECK (status IN ('open', 'closed')),
        CONSTRAINT ck_vote__quorum CHECK (quorum >= 1),
        CONSTRAINT ck_vote__adopted_track CHECK (adopted_track IN ('advice', 'consent')),
        CONSTRAINT fk_vote__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE,
        CONSTRAINT fk_vote__created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
      )`);
    await db.query(`CREATE INDEX ix_vote__case ON vote (case_id, created_at)`);
    await db.query(`
      CREATE TABLE ballot (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        vote_id uuid NOT NULL,
        member_id uuid NOT NULL,
        option text NOT NULL,
        cast_at timestamptz NOT NULL,
        CONSTRAINT pk_ballot PRIMARY KEY (id),
        CONSTRAINT uq_ballot__vote_member UNIQUE (vote_id, member_id),
        CONSTRAINT fk_ballot__vote FOREIGN KEY (vote_id) REFERENCES vote (id) ON DELETE CASCADE,
        CONSTRAINT fk_ballot__member FOREIGN KEY (member_id) REFERENCES app_user (id)
      )`);

    await db.query(`
      CREATE TABLE meeting (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        works_council_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        location text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'planned',
        held_on date,
        minutes text,
        minutes_approved boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_meeting PRIMARY KEY (id),
        CONSTRAINT ck_meeting__kind CHECK (kind IN ('consultation', 'internal')),
        CONSTRAINT ck_meeting__status CHECK (status IN ('planned', 'held', 'cancelled')),
        CONSTRAINT fk_meeting__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting__created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
      )`);
    await db.query(
      `CREATE INDEX ix_meeting__works_council_starts_at ON meeting (works_council_id, starts_at)`,
    );
    await db.query(`
      CREATE TABLE meeting_participant (
        meeting_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT pk_meeting_participant PRIMARY KEY (meeting_id, user_id),
        CONSTRAINT fk_meeting_participant__meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting_participant__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE agenda_item (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        case_id uuid,
        decision text,
        CONSTRAINT pk_agenda_item PRIMARY KEY (id),
        CONSTRAINT uq_agenda_item__meeting_position UNIQUE (meeting_id, position),
        CONSTRAINT fk_agenda_item__meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
        CONSTRAINT fk_agenda_item__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX ix_agenda_item__case ON agenda_item (case_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE agenda_item`);
    await db.query(`DROP TABLE meeting_participant`);
    await db.query(`DROP TABLE meeting`);
    await db.query(`DROP TABLE ballot`);
    await db.query(`DROP TABLE vote`);
    await db.query(`DROP TABLE internal_note`);
    await db.query(`DROP TABLE comment_revision`);
    await db.query(`DROP TABLE comment`);
  }
}
