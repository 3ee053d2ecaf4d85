export * from './sso.module';
export * from './dto/sso.dto';
