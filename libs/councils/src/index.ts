export * from './councils.module';
export * from './councils.service';
export * from './organisation-directory.service';
export * from './dto/councils.dto';
export * from './demo-seeder';
export * from './platform.service';
export * from './dto/platform.dto';
export { OrganisationDeletionSweep } from './organisation-deletion.sweep';
export * from './dto/convenant.dto';
