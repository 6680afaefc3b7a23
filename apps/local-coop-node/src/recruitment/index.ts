export { RecruitmentModule } from './recruitment.module';
