import { startLocalIdp } from './local-idp';

/**
 * `node dist/scripts/local-idp/main.js <redirect-uri>...`: the local identity provider as its own
 * process (oidc-provider cannot run inside a jest worker). Prints one JSON line, its issuer and the
 * client's id and secret, then serves until stopped.
 */
void startLocalIdp(process.argv.slice(2), Number(process.env.LOCAL_IDP_PORT ?? 0)).then((idp) => {
  process.stdout.write(`${JSON.stringify({ issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret })}\n`);
  const stop = () => void idp.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
