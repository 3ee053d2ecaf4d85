export { SearchModule } from './search.module';
export { SearchService } from './search.service';
export * from './dto/search.dto';
