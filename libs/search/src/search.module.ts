import { Module } from '@nestjs/common';

import { AccessModule } from '@wc/access';

import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** Full-text search over `search_item`, which database triggers keep in step with its sources. */
@Module({
  imports: [AccessModule],
  controllers: [SearchController],
  providers: [SearchService, SearchRepository],
  exports: [SearchService],
})
export class SearchModule {}
