export * from './overviews.module';
export * from './dto/agenda.dto';
export * from './dto/overviews.dto';
export { CouncilDashboardService } from './council-dashboard.service';
export { OverviewsService } from './overviews.service';
export { UnionDashboardService } from './union-dashboard.service';
