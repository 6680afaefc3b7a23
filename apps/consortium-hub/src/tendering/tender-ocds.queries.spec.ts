import { publicBaseUri } from './tender-ocds.queries';

describe('where OCDS packages say they are published', () => {
  it("is PUBLIC_BASE_URL when set (without a trailing slash), else the hub's own host and port", () => {
    expect(publicBaseUri({ PUBLIC_BASE_URL: 'https://hub.example.coop/', HOST: '0.0.0.0', PORT: 3000 })).toBe('https://hub.example.coop');
    expect(publicBaseUri({ PUBLIC_BASE_URL: undefined, HOST: '127.0.0.1', PORT: 3000 })).toBe('http://127.0.0.1:3000');
  });
});
