import { IsUUID } from 'class-validator';

/** The body of `subscribe`, `unsubscribe` and `subscribe-internal`. */
export class CaseSubscriptionDto {
  @IsUUID()
  caseId!: string;
}
