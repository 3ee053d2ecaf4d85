import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { CaseService } from '@wc/cases';
import { CommitmentService } from '@wc/commitments';
import { Clock } from '@wc/core';
import { VoteService } from '@wc/council-space';
import { toAmsterdamDate } from '@wc/deadlines';
import { TrainingDutiesQuery } from '@wc/dossier';
import { IntakeService } from '@wc/intake';
import { MeetingsService } from '@wc/meetings';
import { type CursorPageQueryDto, limitOf, pageFrom, tupleCursor } from '@wc/pagination';

import { AGENDA_CURSOR_TYPES, type AgendaLineRow, AgendaRepository } from './agenda.repository';
import type { PersonalAgendaItemResponse, PersonalAgendaResponse } from './dto/agenda.dto';

/**
 * The personal agenda (issue #16): one list across every case the person may see, of what they or
 * their side must do, on what, by when, most urgent first. Each lib gives the SELECT of its kind
 * of line (case duties, votes, meetings, training, council requests, commitments) over the cases
 * `@wc/access` lets the person see, and one statement pages their union in SQL (issue #13), so a
 * page costs the same whatever the number of cases.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly lines: AgendaRepository,
    private readonly cases: CaseService,
    private readonly votes: VoteService,
    private readonly meetings: MeetingsService,
    private readonly training: TrainingDutiesQuery,
    private readonly intake: IntakeService,
    private readonly commitments: CommitmentService,
    private readonly clock: Clock,
  ) {}

  async agendaOf(actor: Actor, query: CursorPageQueryDto): Promise<PersonalAgendaResponse> {
    const now = this.clock.now();
    const today = toAmsterdamDate(now);
    const limit = limitOf(query);
    const rows = await this.lines.page({
      actor,
      now,
      today,
      after: tupleCursor(query.cursor, AGENDA_CURSOR_TYPES),
      take: limit + 1,
      cases: (param) => this.cases.agendaCasesSql(actor, param),
      sources: (ctx) => [
        this.cases.agendaLinesSql(ctx),
        this.votes.agendaLinesSql(ctx),
        this.meetings.agendaLinesSql(ctx),
        this.training.agendaLinesSql(ctx),
        this.intake.agendaLinesSql(ctx),
        this.commitments.agendaLinesSql(ctx),
      ],
    });
    return { today, ...pageFrom(rows, limit, (row) => ({ k: row.cursor }), toItem) };
  }
}

function toItem({ cursor: _cursor, ...line }: AgendaLineRow): PersonalAgendaItemResponse {
  return line;
}
