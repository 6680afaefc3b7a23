import { MESSAGE_CATALOG, subjectScheme } from '@app/contracts';

import { coopDurableTypes, natsAuthorization } from './nats-authorization.rules';

const HUB = 'UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4';
const COOP = 'UCNGL4W5QX66CFX6A6DCBVDH5VOHMI7B2UZZU7TXAUQQSI2JPHULCKBR';

describe('the NATS authorization written from the registry', () => {
  const text = natsAuthorization(subjectScheme('ccm'), HUB, [{ coopId: 'marsden', publicKey: COOP }]);
  const coopBlock = text.slice(text.indexOf('# co-op marsden'));
  const publishLine = coopBlock.split('\n').find((l) => l.includes('publish:'))!;
  const published = JSON.parse(publishLine.slice(publishLine.indexOf('['), publishLine.lastIndexOf(']') + 1)) as string[];

  it('lets a co-op answer each live question once, briefly, on its reply subject', () => {
    expect(coopBlock).toContain('allow_responses: { max: 1, expires: "20s" }');
  });

  it('leaves the hub unrestricted and lets the co-op subscribe only to its own inbox and the live questions', () => {
    expect(text).toContain(`{ nkey: "${HUB}" }`);
    expect(coopBlock).toContain('subscribe: { allow: ["_INBOX_marsden.>", "ccm.v1.query.>"] }');
  });

  it("lets a co-op publish exactly the catalog's co-op-to-hub durable types, its heartbeat, its own asks and its own consumer's API, no wildcard of its own", () => {
    expect(published).toEqual([
      'ccm.v1.coop.marsden.msg.brokerage.answer-made',
      'ccm.v1.coop.marsden.msg.coop.profile-updated',
      'ccm.v1.coop.marsden.msg.coop.registered',
      'ccm.v1.coop.marsden.msg.federation.receipt',
      'ccm.v1.coop.marsden.msg.onboarding.spin-off-proposed',
      'ccm.v1.coop.marsden.msg.onboarding.templates-shared',
      'ccm.v1.coop.marsden.msg.purchasing.commitment-made',
      'ccm.v1.coop.marsden.msg.recruitment.hire-requested',
      'ccm.v1.coop.marsden.msg.recruitment.vacancy-changed',
      'ccm.v1.coop.marsden.msg.reporting.return-submitted',
      'ccm.v1.coop.marsden.msg.tendering.enquiry-asked',
      'ccm.v1.coop.marsden.msg.tendering.offer-made',
      'ccm.v1.coop.marsden.msg.time-credits.sent',
      'ccm.v1.coop.marsden.heartbeat',
      'ccm.v1.coop.marsden.ask.recruitment-matches.v1',
      '$JS.API.CONSUMER.MSG.NEXT.CCM_HUB.node-marsden',
      '$JS.API.CONSUMER.INFO.CCM_HUB.node-marsden',
      '$JS.ACK.CCM_HUB.node-marsden.>',
    ]);
  });

  it('follows the catalog: every co-op-to-hub durable type once, whatever its versions, and nothing the hub sends', () => {
    const fromCoops = MESSAGE_CATALOG.filter((d) => d.direction === 'coop-to-hub' && d.transport === 'durable').map((d) => d.type);
    expect(coopDurableTypes()).toEqual([...new Set(fromCoops)].sort());
    const twoVersions = [...MESSAGE_CATALOG, { ...MESSAGE_CATALOG.find((d) => d.type === 'coop.registered')!, version: 2 }];
    expect(coopDurableTypes(twoVersions)).toEqual(coopDurableTypes());
    expect(coopDurableTypes()).not.toContain('coop.heartbeat');
    expect(coopDurableTypes()).not.toContain('registry.registration-accepted');
  });
});
