export * from './councils.module';
export * from './councils.service';
export * from './dto/councils.dto';
export * from './demo-seeder';
export * from './dto/convenant.dto';
