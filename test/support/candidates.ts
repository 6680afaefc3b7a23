import { ApiClient } from './api';
import { anApplication, ApplicationBody } from './builders';
import { TestMesh } from './mesh';
import { latestCode, sentCodes } from './one-time-codes';

export interface SignedInCandidate {
  id: string;
  email: string;
  client: ApiClient;
}

/**
 * Signs an address in on the mesh's hub through the real one-time-code path (the code read from the
 * file sender), as a candidate would. An address signed in before may ask again at once.
 */
export async function signInCandidate(mesh: TestMesh, email: string): Promise<SignedInCandidate> {
  const address = email.trim().toLowerCase();
  await mesh.hubQuery(
    "UPDATE candidate_sign_in_code SET requested_at = requested_at - interval '2 minutes', expires_at = expires_at - interval '2 minutes' WHERE email = $1",
    [address],
  );
  const before = (await sentCodes(mesh.codeDir)).filter((c) => c.email === address).length;
  await mesh.hub().anonymous().post('/recruitment/sign-in', { email }).expect(202);
  const code = await latestCode(mesh.codeDir, address, before + 1);
  const res = await mesh.hub().anonymous().post('/recruitment/sign-in/verify', { email, code }).expect(200);
  return { id: res.body.candidateId, email: address, client: mesh.hub().candidate(res.body.candidateId) };
}

/** A candidate signed in, with an application, in the pool (consent to the current wording). */
export async function candidateInPool(
  mesh: TestMesh,
  email: string,
  application: Partial<ApplicationBody> = {},
): Promise<SignedInCandidate & { application: ApplicationBody }> {
  const candidate = await signInCandidate(mesh, email);
  const body = anApplication(application);
  await candidate.client.put('/recruitment/me/application', body).expect(200);
  const wordings = await mesh.hub().anonymous().get('/recruitment/consent-wordings').expect(200);
  const pool = (wordings.body as { kind: string; version: string; current: boolean }[]).find((w) => w.kind === 'pool' && w.current)!;
  await candidate.client.post('/recruitment/me/consents/pool', { wordingVersion: pool.version }).expect(201);
  return { ...candidate, application: body };
}
