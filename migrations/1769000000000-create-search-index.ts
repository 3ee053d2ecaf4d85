import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search (issue #13): `document_text` (owned by @wc/documents) holds the text extracted from a
 * document's latest upload; `search_item` (owned by @wc/search) is one row per searchable thing,
 * kept current by triggers on the tables it draws from, so every write path updates it in the
 * same transaction and none can forget to. The tsvector carries the Dutch and the English
 * configuration at once (titles weigh A, text B); who may read a hit is decided at query time by
 * @wc/access, never stored here.
 */
export class CreateSearchIndex1769000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document_text (
        document_id uuid NOT NULL,
        text text NOT NULL,
        extracted_at timestamptz NOT NULL,
        CONSTRAINT pk_document_text PRIMARY KEY (document_id),
        CONSTRAINT fk_document_text__document FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE search_item (
        kind text NOT NULL,
        item_id uuid NOT NULL,
        case_id uuid,
        organisation_id uuid NOT NULL,
        works_council_id uuid,
        title text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('dutch'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('dutch'::regconfig, body), 'B') || setweight(to_tsvector('english'::regconfig, body), 'B')
        ) STORED,
        CONSTRAINT pk_search_item PRIMARY KEY (kind, item_id),
        CONSTRAINT ck_search_item__kind CHECK (kind IN ('case', 'ai_system', 'document', 'comment', 'meeting'))
      )`);
    await db.query(`CREATE INDEX ix_search_item__tsv ON search_item USING gin (tsv)`);
    await db.query(`CREATE INDEX ix_search_item__case ON search_item (case_id)`);
    await db.query(`CREATE INDEX ix_search_item__organisation ON search_item (organisation_id)`);

    // A tsvector holds at most 1 MB; 100,000 characters of text per item is plenty to find it by.
    await db.query(`
      CREATE FUNCTION search_put(p_kind text, p_item uuid, p_case uuid, p_org uuid, p_council uuid, p_title text, p_body text) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO search_item (kind, item_id, case_id, organisation_id, works_council_id, title, body)
        VALUES (p_kind, p_item, p_case, p_org, p_council, COALESCE(p_title, ''), left(COALESCE(p_body, ''), 100000))
        ON CONFLICT (kind, item_id) DO UPDATE SET case_id = EXCLUDED.case_id, organisation_id = EXCLUDED.organisation_id,
          works_council_id = EXCLUDED.works_council_id, title = EXCLUDED.title, body = EXCLUDED.body
      $$`);
    await db.query(`
      CREATE FUNCTION search_index_ai_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM search_item WHERE kind = 'case' AND item_id = OLD.id;
          RETURN NULL;
        END IF;
        PERFORM search_put('case', NEW.id, NEW.id, NEW.organisation_id, NEW.works_council_id, NEW.title,
          (SELECT string_agg(value, E'\\n') FROM jsonb_each_text(NEW.contents)));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION search_index_ai_system() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM search_item WHERE kind = 'ai_system' AND item_id = OLD.id;
          RETURN NULL;
        END IF;
        PERFORM search_put('ai_system', NEW.id, NULL, NEW.organisation_id, NULL, NEW.name,
          concat_ws(E'\\n', NEW.vendor, NEW.model_name, NEW.purpose, NEW.decisions));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION search_index_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.deleted_at IS NOT NULL THEN
          DELETE FROM search_item WHERE kind = 'document' AND item_id = OLD.id;
          RETURN NULL;
        END IF;
        PERFORM search_put('document', NEW.id, NEW.case_id, c.organisation_id, c.works_council_id, NEW.title,
          (SELECT t.text FROM document_text t WHERE t.document_id = NEW.id))
          FROM ai_case c WHERE c.id = NEW.case_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION search_index_document_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE search_item SET body = left(NEW.text, 100000) WHERE kind = 'document' AND item_id = NEW.document_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION search_index_comment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.deleted_at IS NOT NULL THEN
          DELETE FROM search_item WHERE kind = 'comment' AND item_id = OLD.id;
          RETURN NULL;
        END IF;
        PERFORM search_put('comment', NEW.id, NEW.case_id, c.organisation_id, c.works_council_id, '', NEW.body)
          FROM ai_case c WHERE c.id = NEW.case_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION search_index_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM search_item WHERE kind = 'meeting' AND item_id = OLD.id;
          RETURN NULL;
        END IF;
        PERFORM search_put('meeting', NEW.id, NULL, NEW.organisation_id, NEW.works_council_id, NEW.title, concat_ws(E'\\n', NEW.location, NEW.minutes));
        RETURN NULL;
      END $$`);
    // Only writes of the indexed columns re-index (a case's version bump does not).
    const sources: Array<[string, string, string]> = [
      ['ai_case', 'title, contents', 'search_index_ai_case'],
      ['ai_system', 'name, vendor, model_name, purpose, decisions', 'search_index_ai_system'],
      ['document', 'title, deleted_at', 'search_index_document'],
      ['comment', 'body, deleted_at', 'search_index_comment'],
      ['meeting', 'title, location, minutes', 'search_index_meeting'],
    ];
    for (const [table, columns, fn] of sources) {
      await db.query(
        `CREATE TRIGGER tg_${table}__search AFTER INSERT OR UPDATE OF ${columns} OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      );
    }
    await db.query(
      `CREATE TRIGGER tg_document_text__search AFTER INSERT OR UPDATE ON document_text FOR EACH ROW EXECUTE FUNCTION search_index_document_text()`,
    );

    // What exists already.
    await db.query(
      `SELECT search_put('case', c.id, c.id, c.organisation_id, c.works_council_id, c.title, (SELECT string_agg(value, E'\\n') FROM jsonb_each_text(c.contents))) FROM ai_case c`,
    );
    await db.query(
      `SELECT search_put('ai_system', s.id, NULL, s.organisation_id, NULL, s.name, concat_ws(E'\\n', s.vendor, s.model_name, s.purpose, s.decisions)) FROM ai_system s`,
    );
    await db.query(
      `SELECT search_put('document', d.id, d.case_id, c.organisation_id, c.works_council_id, d.title, NULL) FROM document d JOIN ai_case c ON c.id = d.case_id WHERE d.deleted_at IS NULL`,
    );
    await db.query(
      `SELECT search_put('comment', m.id, m.case_id, c.organisation_id, c.works_council_id, '', m.body) FROM comment m JOIN ai_case c ON c.id = m.case_id WHERE m.deleted_at IS NULL`,
    );
    await db.query(
      `SELECT search_put('meeting', m.id, NULL, m.organisation_id, m.works_council_id, m.title, concat_ws(E'\\n', m.location, m.minutes)) FROM meeting m`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'ai_case',
      'ai_system',
      'document',
      'comment',
      'meeting',
      'document_text',
    ]) {
      await db.query(`DROP TRIGGER tg_${table}__search ON ${table}`);
    }
    for (const fn of [
      'search_index_ai_case',
      'search_index_ai_system',
      'search_index_document',
      'search_index_document_text',
      'search_index_comment',
      'search_index_meeting',
    ]) {
      await db.query(`DROP FUNCTION ${fn}()`);
    }
    await db.query(`DROP FUNCTION search_put(text, uuid, uuid, uuid, uuid, text, text)`);
    await db.query(`DROP TABLE search_item`);
    await db.query(`DROP TABLE document_text`);
  }
}
