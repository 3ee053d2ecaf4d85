export * from './overviews.module';
export * from './dto/overviews.dto';
