import { Injectable } from '@nestjs/common';

import { asEntity, selectListOf, TransactionHost } from '@wc/database';

import { LetterEntity } from './letter.entity';
import { LetterVersionEntity } from './letter-version.entity';

/** The only file that queries `letter` and `letter_version`. */
@Injectable()
export class LetterRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(fields: Partial<LetterEntity>): LetterEntity {
    return this.tx.manager.create(LetterEntity, fields);
  }

  save(letter: LetterEntity): Promise<LetterEntity> {
    return this.tx.manager.save(letter);
  }

  get(caseId: string, letterId: string): Promise<LetterEntity | null> {
    return this.tx.manager.findOneBy(LetterEntity, { id: letterId, caseId });
  }

  getForUpdate(caseId: string, letterId: string): Promise<LetterEntity | null> {
    return this.tx.manager.findOne(LetterEntity, {
      where: { id: letterId, caseId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * A page of the case's letters the reader's party may see: its own drafts, and every letter
   * signed or sent by either side (a draft of the other side does not exist for the reader).
   */
  async pageOfCase(
    caseId: string,
    party: 'employer' | 'council',
    after: { at: string; id: string } | null,
    take: number,
  ): Promise<LetterEntity[]> {
    const qb = this.tx.manager
      .createQueryBuilder(LetterEntity, 'l')
      .where('l.case_id = :caseId', { caseId })
      .andWhere(`(l.sender_side = :party OR l.status IN ('sent', 'received'))`, { party })
      .orderBy('l.created_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .take(take);
    if (after) {
      qb.andWhere('(l.created_at, l.id) > (:at, :id)', { at: after.at, id: after.id });
    }
    return qb.getMany();
  }

  /** Every letter of the case that left its sender, oldest first: for the dossier. */
  sentOfCase(caseId: string): Promise<LetterEntity[]> {
    return this.tx.manager
      .createQueryBuilder(LetterEntity, 'l')
      .where('l.case_id = :caseId', { caseId })
      .andWhere(`l.status IN ('sent', 'received')`)
      .orderBy('l.sent_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
  }

  versions(letterId: string): Promise<LetterVersionEntity[]> {
    return this.tx.manager.find(LetterVersionEntity, {
      where: { letterId },
      order: { seq: 'ASC' },
    });
  }

  version(letterId: string, seq: number): Promise<LetterVersionEntity | null> {
    return this.tx.manager.findOneBy(LetterVersionEntity, { letterId, seq });
  }

  async latestVersion(letterId: string): Promise<LetterVersionEntity | null> {
    return this.tx.manager.findOne(LetterVersionEntity, {
      where: { letterId },
      order: { seq: 'DESC' },
    });
  }

  /** The latest version of each of these letters, in one statement: for a page of the list. */
  latestVersionsOf(letterIds: readonly string[]): Promise<Map<string, LetterVersionEntity>> {
    return this.shownVersionsOf(letterIds.map((id) => ({ id, signedVersion: null })));
  }

  /**
   * Of each of these letters the version the other party reads: the signed one, else the latest
   * (as `version` then `latestVersion` would answer it), in one statement whatever their number.
   */
  async shownVersionsOf(
    letters: ReadonlyArray<Pick<LetterEntity, 'id' | 'signedVersion'>>,
  ): Promise<Map<string, LetterVersionEntity>> {
    if (letters.length === 0) {
      return new Map();
    }
    const rows = await this.tx.query<object>(
      `SELECT DISTINCT ON (v.letter_id) ${selectListOf(this.tx.manager, LetterVersionEntity, 'v')}
         FROM letter_version v
         JOIN unnest($1::uuid[], $2::int[]) AS l(id, signed_version) ON l.id = v.letter_id
        ORDER BY v.letter_id, (v.seq = l.signed_version) IS TRUE DESC, v.seq DESC`,
      [letters.map((l) => l.id), letters.map((l) => l.signedVersion)],
    );
    const versions = rows.map((row) => asEntity(LetterVersionEntity, row));
    return new Map(versions.map((v) => [v.letterId, v]));
  }

  addVersion(fields: Omit<LetterVersionEntity, never>): Promise<LetterVersionEntity> {
    return this.tx.manager.save(this.tx.manager.create(LetterVersionEntity, fields));
  }
}
