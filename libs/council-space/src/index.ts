export * from './council-space.module';
export { InternalNoteService } from './internal-note.service';
export { VoteService } from './vote.service';
export type { OpenVoteView } from './council-space.repository';
export * from './dto/council-space.dto';
export type { CouncilSpaceEventType } from './council-space.events';
export { tallyVote, type VoteResult } from './domain/votes';
