export { RulebookModule } from './rulebook.module';
export { RulebookStore } from './rulebook.store';
export { RulebookVersion } from './rulebook-version.entity';
export { RulebookDto, RulebookView } from './rulebook.dto';
export { RulebookErrors } from './rulebook.errors';
export * from './rulebook';
export * from './rulebook.rules';
import { RulebookVersion as RulebookVersionEntity } from './rulebook-version.entity';
export const RULEBOOK_ENTITIES = [RulebookVersionEntity];
