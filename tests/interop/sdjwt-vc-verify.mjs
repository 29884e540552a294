// Independent check of our SD-JWT VC (issue 17): @sd-jwt/sd-jwt-vc verifies the issuer signature, the disclosures,
// the key binding JWT and — through @sd-jwt/jwt-status-list inside it — the Token Status List entry.
// Input (a JSON file named by the first argument): { sdJwt, issuerJwk, statusListJwt, nonce }. Output (stdout, JSON): { ok, claims, status, kb, error }.
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { digest } from '@sd-jwt/crypto-nodejs';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { readFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function verifierFor(jwk) {
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return async (data, signatureB64u) => {
    const signature = Buffer.from(signatureB64u, 'base64url');
    return jwk.kty === 'OKP'
      ? cryptoVerify(null, Buffer.from(data), key, signature)
      : cryptoVerify('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }, signature);
  };
}

let statusSeen = null;
const sdjwt = new SDJwtVcInstance({
  hasher: digest,
  verifier: verifierFor(input.issuerJwk),
  statusVerifier: verifierFor(input.issuerJwk),
  kbVerifier: async (data, sig, payload) => verifierFor(payload.cnf.jwk)(data, sig),
  statusListFetcher: async () => input.statusListJwt,
  statusValidator: async (status) => {
    statusSeen = status;
    if (status !== 0) throw new Error(`status ${status}`);
  },
});

try {
  const result = await sdjwt.verify(input.sdJwt, { keyBindingNonce: input.nonce });
  const claims = await sdjwt.getClaims(input.sdJwt);
  const list = getListFromStatusListJWT(input.statusListJwt);
  console.log(JSON.stringify({ ok: true, claims, status: list.getStatus(result.payload.status.status_list.idx), kb: !!result.kb }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, status: statusSeen, error: String(e?.message ?? e) }));
}
