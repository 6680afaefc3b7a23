export { LiveQuestionsModule } from './live-questions.module';
