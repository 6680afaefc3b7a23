import { COOP_RECEIPT_V1, HUB_RECEIPT_V1, MessageDefinition, ReceiptV1 } from '@app/contracts';

import { FederationSide } from './federation-options';

/** The receipt message this side sends back. */
export function receiptDefinitionFor(side: FederationSide): MessageDefinition<ReceiptV1> {
  return side.kind === 'hub' ? HUB_RECEIPT_V1 : COOP_RECEIPT_V1;
}

export function isReceipt(def: MessageDefinition): boolean {
  return def === COOP_RECEIPT_V1 || def === HUB_RECEIPT_V1;
}
