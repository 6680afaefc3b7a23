import { subjectScheme } from '@app/contracts';
import { natsAuthorization } from './nats-authorization';

const HUB = 'UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4';
const COOP = 'UCNGL4W5QX66CFX6A6DCBVDH5VOHMI7B2UZZU7TXAUQQSI2JPHULCKBR';

describe('the NATS authorization written from the registry', () => {
  const text = natsAuthorization(subjectScheme('ccm'), HUB, [{ coopId: 'marsden', publicKey: COOP }]);
  const coopBlock = text.slice(text.indexOf('# co-op marsden'));

  it('lets a co-op answer each live question once, briefly, on its reply subject', () => {
    expect(coopBlock).toContain('allow_responses: { max: 1, expires: "20s" }');
  });

  it('leaves the hub unrestricted and the co-op publishing only on its own subjects and consumer', () => {
    expect(text).toContain(`{ nkey: "${HUB}" }`);
    expect(coopBlock).toContain(
      'publish: { allow: ["ccm.v1.coop.marsden.>", "$JS.API.CONSUMER.MSG.NEXT.CCM_HUB.node-marsden", "$JS.API.CONSUMER.INFO.CCM_HUB.node-marsden", "$JS.ACK.CCM_HUB.node-marsden.>"] }',
    );
    expect(coopBlock).toContain('subscribe: { allow: ["_INBOX_marsden.>", "ccm.v1.query.>"] }');
  });
});
