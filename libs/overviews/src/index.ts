export * from './overviews.module';
export * from './dto/agenda.dto';
export * from './dto/overviews.dto';
export { OverviewsService } from './overviews.service';
export { UnionDashboardService } from './union-dashboard.service';
