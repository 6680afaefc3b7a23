export { MemberSignIn } from './member-sign-in.service';
export { PagesModule } from './pages.module';
