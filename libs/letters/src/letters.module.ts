import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccessModule } from '@wc/access';
import { AuditModule } from '@wc/audit';
import { AuthModule } from '@wc/auth';
import { CasesModule } from '@wc/cases';
import { CouncilsModule } from '@wc/councils';
import { DeadlinesModule } from '@wc/deadlines';
import { DOSSIER_LETTERS } from '@wc/dossier';

import { LetterEntity } from './letter.entity';
import { LetterRepository } from './letter.repository';
import { LetterVersionEntity } from './letter-version.entity';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';

/**
 * Formal letters of a case (issue #22). Global only to bind `@wc/dossier`'s `DOSSIER_LETTERS`
 * port: the dossier PDF lists the letters, and the dossier cannot import this lib (this lib
 * uses the dossier's PDF helpers).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([LetterEntity, LetterVersionEntity]),
    AccessModule,
    AuditModule,
    AuthModule,
    CasesModule,
    CouncilsModule,
    DeadlinesModule,
  ],
  controllers: [LettersController],
  providers: [
    LettersService,
    LetterRepository,
    { provide: DOSSIER_LETTERS, useExisting: LettersService },
  ],
  exports: [LettersService, DOSSIER_LETTERS],
})
export class LettersModule {}
