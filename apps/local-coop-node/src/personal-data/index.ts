export { MemberExportQueries } from './member-export.queries';
export { PersonalDataModule } from './personal-data.module';
