export * from './overviews.module';
export * from './dto/overviews.dto';
export { OverviewsService } from './overviews.service';
