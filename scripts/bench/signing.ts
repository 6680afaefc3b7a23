/**
 * Signing and verifying one envelope (a co-op's registration, a few hundred bytes): nkeys.js's pure
 * JavaScript Ed25519, which the mesh used, against node:crypto (OpenSSL), which it uses now. Both
 * from the same NKey seed; the signatures are the same bytes, which this checks as it goes.
 *
 *   npm run bench:signing            (or: npm run bench, which runs every benchmark)
 *
 * Prints the median and the 95th percentile per envelope, and how many envelopes a second one core
 * could sign or verify.
 */
import { createUser, fromPublic, fromSeed } from 'nkeys.js';

import { buildMessage, COOP_REGISTERED_V1, signingInput } from '@app/contracts';
import { EnvelopeSigner, verifySignature } from '@app/federation';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);

function time(runs: number, fn: () => void): { median: number; p95: number } {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)], p95: ms[Math.floor(runs * 0.95)] };
}

function main(): void {
  const seed = Buffer.from(createUser().getSeed()).toString();
  const signer = new EnvelopeSigner(seed);
  const pair = fromSeed(Buffer.from(seed));
  const publicKey = fromPublic(signer.publicKey);
  const payload = {
    name: 'Colne Valley Care Co-op',
    legalForm: 'community-benefit-society' as const,
    localities: ['Marsden', 'Slaithwaite', 'Golcar'],
    servicesOffered: ['personal-care' as const, 'befriending' as const],
    nodeVersion: '0.1.0',
  };
  const unsigned = buildMessage(COOP_REGISTERED_V1, payload, { coopId: 'colne-valley' });
  const input = Buffer.from(signingInput(unsigned), 'utf8');
  const signed = signer.sign(unsigned);
  const theirs = Buffer.from(pair.sign(input));
  if (theirs.toString('base64url') !== signed.signature) throw new Error('nkeys.js and node:crypto disagree on the signature');

  // nkeys.js is ~20 ms a call: fewer runs keep the bench short.
  const slowRuns = Math.max(10, Math.floor(RUNS / 10));
  const rows: Array<[string, { median: number; p95: number }]> = [
    ['nkeys.js sign', time(slowRuns, () => pair.sign(input))],
    ['nkeys.js verify', time(slowRuns, () => publicKey.verify(input, theirs))],
    ['node:crypto sign', time(RUNS, () => signer.sign(unsigned))],
    ['node:crypto verify', time(RUNS, () => verifySignature(signed, signer.publicKey))],
  ];
  console.log(`One envelope of ${input.byteLength} bytes (signing input); node:crypto rows include building the signing input`);
  console.log('operation            median ms   p95 ms   per second');
  for (const [name, t] of rows)
    console.log(
      `${name.padEnd(19)}  ${t.median.toFixed(3).padStart(9)}  ${t.p95.toFixed(3).padStart(7)}  ${Math.floor(1000 / t.median)
        .toString()
        .padStart(11)}`,
    );
}

main();
