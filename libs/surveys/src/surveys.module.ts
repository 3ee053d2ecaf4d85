import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SurveyEntity, SurveyInvitationEntity, SurveyResponseEntity } from './survey.entity';
import { SurveyMailer } from './survey.mailer';
import { SurveyRepository } from './survey.repository';
import { SurveyService } from './survey.service';
import { SurveyAnswersController, SurveysController } from './surveys.controller';

/** The voice of staff: the council's anonymous staff surveys on a case (issue #19). */
@Module({
  imports: [TypeOrmModule.forFeature([SurveyEntity, SurveyInvitationEntity, SurveyResponseEntity])],
  controllers: [SurveysController, SurveyAnswersController],
  providers: [SurveyService, SurveyRepository, SurveyMailer],
  exports: [SurveyService],
})
export class SurveysModule {}
