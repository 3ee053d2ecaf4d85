import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';

import { SearchQueryDto, SearchResponse } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  /** Everything the caller may read that matches `q`, best first, with highlighted snippets. */
  @Get()
  @RequirePermission(Permission.CaseRead)
  search(@CurrentActor() actor: Actor, @Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.searchService.search(actor, query);
  }
}
