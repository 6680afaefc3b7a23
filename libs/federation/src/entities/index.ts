import { DeadLetter } from './dead-letter.entity';
import { DeadLetterSummary } from './dead-letter-summary.entity';
import { InboxMessage } from './inbox-message.entity';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

export { DeadLetter, DeadLetterSummary, InboxMessage, OutboxMessage };
export type { OutboxStatus };
export const FEDERATION_ENTITIES = [OutboxMessage, InboxMessage, DeadLetter, DeadLetterSummary];
