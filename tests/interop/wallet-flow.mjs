// An independent test wallet (issue 17): @openid4vc/openid4vci drives the OpenID4VCI 1.0 pre-authorized code flow
// against our host; @sd-jwt/sd-jwt-vc and @sd-jwt/jwt-status-list verify the SD-JWT VC and read its Token Status List;
// @digitalbazaar/vc with eddsa-rdfc-2022 and vc-bitstring-status-list verifies the ldp_vc; jose makes the holder keys.
// What the client library does not do is done with raw fetch in this file and named so (see docs/wallets.md):
// the signed metadata (application/jwt), the x5c chain check, the presentation to /api/verify.
//
// Usage: node wallet-flow.mjs <input.json>; the input names a mode:
//   {"mode": "flow", "offer": "openid-credential-offer://…", "pin": "123456", "trustAnchorPem": "…" | null,
//    "disclose": ["result", …], "verifierNonce": "…"}
//       → resolve, metadata (+ signed), token, nonce, proofs (ES256 and EdDSA keys), both formats, verify, present, status
//   {"mode": "check", "issuer": "http://…", "sdJwts": [...], "ldpVcs": [...], "trustAnchorPem": …}
//       → verifies credentials received earlier again (after a revocation)
//   {"mode": "refusals", "offer": …, "pin": …, "lockOffer": {"offer", "pin", "attempts"}}
//       → each refusal through the client, with the error code the host gave
//   {"mode": "bench", "issuer": "http://…", "downloadTokens": [...], "trustAnchorPem": …}
//       → the flow once per token (offer made with POST /wallet/offers), time per step and sizes
// Output (stdout): one JSON object; exit code 0 unless the script itself failed.
import { X509Certificate, createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as jose from 'jose';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous, Oauth2ClientErrorResponseError } from '@openid4vc/oauth2';
import { setGlobalConfig } from '@openid4vc/utils';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { digest } from '@sd-jwt/crypto-nodejs';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { addMultikeyController, documentLoader as offlineLoader } from './di-loader.mjs';

// The test host listens on http://127.0.0.1: the library refuses http:// unless told.
setGlobalConfig({ allowInsecureUrls: true });

const SD_JWT = 'micro_credential_dc_sd_jwt';
const LDP = 'micro_credential_ob3_ldp_vc';
const ALGS = ['ES256', 'EdDSA'];
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));

// ---- holder keys and the client's callbacks -------------------------------------------------------------------------

async function holderKey(alg) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return { alg, publicKey, privateKey, publicJwk: await jose.exportJWK(publicKey) };
}

/** Callbacks for the client; signJwt signs with the holder key whose public JWK the signer names (or, to forge, another). */
function callbacks(keys, { forgeWith } = {}) {
  return {
    fetch,
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    generateRandom: (n) => new Uint8Array(randomBytes(n)),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer, { header, payload }) => {
      const key = forgeWith ?? keys.find(k => JSON.stringify(k.publicJwk) === JSON.stringify(signer.publicJwk));
      if (!key) throw new Error('no holder key for the signer');
      const jwt = await new jose.SignJWT(payload).setProtectedHeader(header).sign(key.privateKey);
      return { jwt, signerJwk: signer.publicJwk };
    },
  };
}

const timed = async (timings, step, work) => {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[step] = (timings[step] ?? 0) + (performance.now() - start);
  }
};

// ---- issuer keys: metadata (JWKS by kid), x5c chain, did.json -------------------------------------------------------

async function getJson(url, accept = 'application/json') {
  const response = await fetch(url, { headers: { accept } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return accept === 'application/json' ? response.json() : response.text();
}

async function issuerJwks(issuer) {
  return jose.createLocalJWKSet(await getJson(`${issuer}/.well-known/jwks.json`));
}

/** The signed metadata (OpenID4VCI 1.0 §12.2.3), fetched raw: the client library reads only the unsigned JSON. */
async function checkSignedMetadata(issuer, unsigned, jwks) {
  const jwt = await getJson(`${issuer}/.well-known/openid-credential-issuer`, 'application/jwt');
  const { payload, protectedHeader } = await jose.jwtVerify(jwt, jwks, { typ: 'openidvci-issuer-metadata+jwt' });
  const same = payload.credential_issuer === unsigned.credential_issuer && payload.sub === unsigned.credential_issuer
    && JSON.stringify(Object.keys(payload.credential_configurations_supported).sort())
      === JSON.stringify(Object.keys(unsigned.credential_configurations_supported).sort());
  return { verified: true, alg: protectedHeader.alg, sameAsUnsigned: same };
}

/**
 * The SD-JWT VC issuer key from its x5c chain (the leaf must chain to the trust anchor, be valid now, and name the
 * JWT's iss as a SAN URI) — or, without x5c, from the JWKS by kid. Node's X509Certificate does the chain arithmetic.
 */
async function sdJwtIssuerKey(sdJwt, issuer, trustAnchorPem) {
  const jwt = sdJwt.split('~')[0];
  const header = jose.decodeProtectedHeader(jwt);
  const payload = jose.decodeJwt(jwt);
  if (!header.x5c) {
    const jwks = await issuerJwks(issuer);
    return { key: await jwks(header), via: 'kid', x5c: null };
  }

  const chain = header.x5c.map(der => new X509Certificate(Buffer.from(der, 'base64')));
  const anchor = trustAnchorPem ? new X509Certificate(trustAnchorPem) : null;
  const now = new Date();
  const problems = [];
  if (!anchor) problems.push('no trust anchor given');
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i];
    const parent = chain[i + 1] ?? anchor;
    if (new Date(cert.validFrom) > now || new Date(cert.validTo) < now) problems.push(`certificate ${i} is not valid now`);
    if (parent && !(cert.checkIssued(parent) && cert.verify(parent.publicKey))) problems.push(`certificate ${i} is not issued by the next one`);
  }
  if (anchor && chain.some(c => c.fingerprint256 === anchor.fingerprint256)) problems.push('the trust anchor is in x5c');
  const sans = (chain[0].subjectAltName ?? '').split(', ');
  if (!sans.includes(`URI:${payload.iss}`)) problems.push(`the leaf names no SAN URI ${payload.iss}`);
  return {
    key: chain[0].publicKey,
    via: 'x5c',
    x5c: { length: chain.length, leafSubject: chain[0].subject, anchorSubject: anchor?.subject ?? null, ok: problems.length === 0, problems },
  };
}

// ---- SD-JWT VC: verify (with its status), present ------------------------------------------------------------------

function sdJwtInstance(issuerKey, seen = {}) {
  const verifyWith = (keyObject) => async (data, signatureB64u) => {
    try {
      await jose.compactVerify(`${data}.${signatureB64u}`, keyObject);
      return true;
    } catch {
      return false;
    }
  };
  return new SDJwtVcInstance({
    hasher: digest,
    verifier: verifyWith(issuerKey),
    kbVerifier: async (data, sig, payload) => {
      try {
        await jose.compactVerify(`${data}.${sig}`, await jose.importJWK(payload.cnf.jwk, payload.cnf.jwk.kty === 'OKP' ? 'EdDSA' : 'ES256'));
        return true;
      } catch {
        return false;
      }
    },
    // The status list is fetched over HTTP from the uri in the credential, and its signature checked with the issuer's JWKS.
    statusListFetcher: async (uri) => {
      const response = await fetch(uri, { headers: { accept: 'application/statuslist+jwt' } });
      seen.statusListBytes = Number(response.headers.get('content-length') ?? 0);
      return response.text();
    },
    statusVerifier: async (data, sig) => {
      const jwks = await issuerJwks(seen.issuer);
      await jose.compactVerify(`${data}.${sig}`, jwks);
      return true;
    },
    statusValidator: async (status) => {
      seen.status = status;
      if (status !== 0) throw new Error(`status ${status}`);
    },
  });
}

async function verifySdJwt(sdJwt, issuer, trustAnchorPem, kbNonce) {
  const resolved = await sdJwtIssuerKey(sdJwt, issuer, trustAnchorPem);
  const seen = { issuer };
  const instance = sdJwtInstance(resolved.key, seen);
  try {
    const result = await instance.verify(sdJwt, kbNonce ? { keyBindingNonce: kbNonce } : undefined);
    return { verified: true, keyVia: resolved.via, x5c: resolved.x5c, status: seen.status ?? null, kb: !!result.kb, claims: result.payload };
  } catch (e) {
    return { verified: false, keyVia: resolved.via, x5c: resolved.x5c, status: seen.status ?? null, error: String(e?.message ?? e) };
  }
}

/** A presentation disclosing the named claims only, with a key binding JWT signed by the holder key. */
async function present(sdJwt, holder, disclose, audience, nonce) {
  const instance = new SDJwtVcInstance({
    hasher: digest,
    kbSignAlg: holder.alg,
    kbSigner: (data) => signDetached(data, holder),
  });
  // Paths under credentialSubject, dotted: "result", "achievement.name", "achievement.learningOutcome".
  const frame = { credentialSubject: {} };
  for (const path of disclose) {
    const names = path.split('.');
    let node = frame.credentialSubject;
    names.slice(0, -1).forEach(n => { node = node[n] = typeof node[n] === 'object' ? node[n] : {}; });
    node[names.at(-1)] = true;
  }
  return instance.present(sdJwt, frame, { kb: { payload: { aud: audience, nonce, iat: Math.floor(Date.now() / 1000) } } });
}

// jose signs a whole JWS; the SD-JWT library wants the signature over "header.payload" it built itself.
async function signDetached(signingInput, holder) {
  const key = createPrivateKey({ key: await jose.exportJWK(holder.privateKey), format: 'jwk' });
  const signature = holder.alg === 'EdDSA'
    ? sign(null, Buffer.from(signingInput), key)
    : sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return signature.toString('base64url');
}

async function postVerify(issuer, body) {
  const response = await fetch(`${issuer}/api/verify`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
  return { http: response.status, ...(await response.json()) };
}

// ---- ldp_vc: Data Integrity and the Bitstring Status List -----------------------------------------------------------

async function verifyLdp(credential, issuer) {
  const did = await getJson(`${issuer}/.well-known/did.json`);
  for (const method of did.verificationMethod ?? []) {
    if (method.publicKeyMultibase) addMultikeyController({ controller: did.id, verificationMethod: method.id, publicKeyMultibase: method.publicKeyMultibase });
  }
  // Our own context and the status list credentials come from the host; the standard contexts stay offline.
  const documentLoader = async (url) => {
    if (url.startsWith(issuer + '/')) {
      return { contextUrl: null, documentUrl: url, document: await getJson(url, url.includes('/status/') ? 'application/vc+ld+json, application/json' : 'application/json').then(d => typeof d === 'string' ? JSON.parse(d) : d) };
    }
    return offlineLoader(url);
  };
  const result = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, checkStatus });
  const statuses = (result.statusResult?.results ?? []).map(r => ({ purpose: r.credentialStatus.statusPurpose, status: r.status }));
  return {
    verified: result.verified,
    proofVerified: (result.results ?? []).every(r => r.verified) && (result.results ?? []).length > 0,
    revoked: statuses.some(s => s.purpose === 'revocation' && s.status === true),
    statuses,
    subjectId: credential.credentialSubject?.id ?? null,
    error: result.error ? String(result.error.errors?.map(e => e.message) ?? result.error.message) : null,
  };
}

/** The dotted paths of the selectively disclosable claims that a verified presentation shows (for the test to compare). */
function disclosedPaths(subject) {
  const paths = [];
  for (const name of ['name', 'result', 'awardedDate', 'activityStartDate', 'activityEndDate']) if (subject?.[name] !== undefined) paths.push(name);
  for (const name of ['name', 'learningOutcome']) if (subject?.achievement?.[name] !== undefined) paths.push(`achievement.${name}`);
  return paths;
}

/** The x of the JWK in a did:jwk, or null. */
function didJwkX(did) {
  return typeof did === 'string' && did.startsWith('did:jwk:') ? JSON.parse(Buffer.from(did.slice(8), 'base64url')).x ?? null : null;
}

async function tokenStatus(sdJwt) {
  const payload = jose.decodeJwt(sdJwt.split('~')[0]);
  const { uri, idx } = payload.status.status_list;
  const jwt = await (await fetch(uri)).text();
  return { uri, idx, status: getListFromStatusListJWT(jwt).getStatus(idx) };
}

// ---- the flow -------------------------------------------------------------------------------------------------------

async function flow({ offer, pin, trustAnchorPem, disclose = ['result', 'achievement.learningOutcome'], verifierNonce = 'wallet-flow-nonce', verify = true }) {
  const timings = {};
  const keys = await Promise.all(ALGS.map(holderKey));
  const client = new Openid4vciClient({ callbacks: callbacks(keys) });
  const credentialOffer = await timed(timings, 'resolve_offer', () => client.resolveCredentialOffer(offer));
  const issuer = credentialOffer.credential_issuer;
  const issuerMetadata = await timed(timings, 'metadata', () => client.resolveIssuerMetadata(issuer));
  const signedMetadata = await timed(timings, 'signed_metadata', async () => checkSignedMetadata(issuer, issuerMetadata.credentialIssuer, await issuerJwks(issuer)));
  const { accessTokenResponse } = await timed(timings, 'token', () =>
    client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: pin }));

  const received = {};
  for (const configuration of credentialOffer.credential_configuration_ids) {
    const { c_nonce } = await timed(timings, 'nonce', () => client.requestNonce({ issuerMetadata }));
    const proofs = await timed(timings, 'proofs', () => Promise.all(keys.map(async key => (await client.createCredentialRequestJwtProof({
      issuerMetadata, credentialConfigurationId: configuration, nonce: c_nonce,
      signer: { method: 'jwk', alg: key.alg, publicJwk: key.publicJwk },
    })).jwt)));
    const response = await timed(timings, 'credential', () => client.retrieveCredentials({
      issuerMetadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId: configuration, proofs: { jwt: proofs },
    }));
    received[configuration] = response.credentialResponse.credentials.map(c => c.credential);
  }

  const sdJwts = received[SD_JWT] ?? [];
  const ldpVcs = received[LDP] ?? [];
  const presentation = await present(sdJwts[0], keys[0], disclose, issuer, verifierNonce);
  const sizes = {
    sd_jwt_vc_bytes: Buffer.byteLength(sdJwts[0]),
    sd_jwt_vc_disclosures: sdJwts[0].split('~').length - 2,
    ldp_vc_bytes: Buffer.byteLength(JSON.stringify(ldpVcs[0])),
    presentation_bytes: Buffer.byteLength(presentation),
  };
  const result = {
    issuer,
    offer: { configurations: credentialOffer.credential_configuration_ids, txCode: credentialOffer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.tx_code ?? null },
    metadata: {
      version: issuerMetadata.originalDraftVersion,
      configurations: Object.keys(issuerMetadata.credentialIssuer.credential_configurations_supported),
      authorizationServers: issuerMetadata.authorizationServers.map(a => a.issuer),
      signed: signedMetadata,
    },
    token: { type: accessTokenResponse.token_type, expiresIn: accessTokenResponse.expires_in },
    holderKeys: keys.map(k => k.alg),
    sdJwts, ldpVcs, presentation, sizes, timings,
  };
  if (!verify) return result;

  result.sdJwtChecks = await timed(timings, 'verify_sd_jwt', () => Promise.all(sdJwts.map(async (s, i) => {
    const checked = await verifySdJwt(s, issuer, trustAnchorPem);
    return { alg: keys[i].alg, boundToKey: checked.claims?.cnf?.jwk?.x === keys[i].publicJwk.x, ...checked, claims: undefined };
  })));
  result.ldpChecks = await timed(timings, 'verify_ldp_vc', () => Promise.all(ldpVcs.map(async (c, i) => ({
    alg: keys[i].alg, ...(await verifyLdp(c, issuer)),
    boundToKey: didJwkX(c.credentialSubject?.id) === keys[i].publicJwk.x,
  }))));
  const npmPresentation = await verifySdJwt(presentation, issuer, trustAnchorPem, verifierNonce);
  result.presentationCheck = {
    npm: { verified: npmPresentation.verified, kb: npmPresentation.kb, error: npmPresentation.error ?? null, disclosed: disclosedPaths(npmPresentation.claims?.credentialSubject) },
    host: await timed(timings, 'present', () => postVerify(issuer, presentation)),
  };
  result.tokenStatus = await timed(timings, 'status_list', () => tokenStatus(sdJwts[0]));
  return result;
}

async function check({ issuer, sdJwts, ldpVcs, trustAnchorPem }) {
  return {
    sdJwtChecks: await Promise.all(sdJwts.map(s => verifySdJwt(s, issuer, trustAnchorPem).then(r => ({ ...r, claims: undefined })))),
    tokenStatus: await Promise.all(sdJwts.map(tokenStatus)),
    ldpChecks: await Promise.all(ldpVcs.map(c => verifyLdp(c, issuer))),
    hostVerdicts: { sdJwt: (await postVerify(issuer, sdJwts[0])).verdict, ldpVc: (await postVerify(issuer, JSON.stringify(ldpVcs[0]))).verdict },
  };
}

// ---- refusals, each through the client where it can express it -----------------------------------------------------

async function errorOf(work) {
  try {
    await work();
    return { refused: false };
  } catch (e) {
    if (e instanceof Oauth2ClientErrorResponseError) return { refused: true, http: e.response.status, error: e.errorResponse.error };
    const data = e?.response?.credentialErrorResponseResult?.data;
    if (data) return { refused: true, http: e.response.response.status, error: data.error };
    return { refused: true, http: e?.response?.status ?? null, error: null, message: String(e?.message ?? e).split('\n')[0] };
  }
}

async function refusals({ offer, pin, lockOffer }) {
  const keys = await Promise.all(ALGS.map(holderKey));
  const other = await holderKey('ES256');
  const client = new Openid4vciClient({ callbacks: callbacks(keys) });
  const forger = new Openid4vciClient({ callbacks: callbacks(keys, { forgeWith: other }) });
  const credentialOffer = await client.resolveCredentialOffer(offer);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const wrongPin = pin === '000000' ? '111111' : '000000';
  const out = {};

  out.wrong_pin = await errorOf(() => client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: wrongPin }));
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: pin });
  out.replayed_code = await errorOf(() => client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: pin }));
  out.replayed_offer = await errorOf(() => client.resolveCredentialOffer(offer));
  const accessToken = accessTokenResponse.access_token;

  const request = async (c, { nonce, configuration = SD_JWT, key = keys[0], metadata = issuerMetadata } = {}) => {
    const proof = (await c.createCredentialRequestJwtProof({
      issuerMetadata: metadata, credentialConfigurationId: configuration, nonce,
      signer: { method: 'jwk', alg: key.alg, publicJwk: key.publicJwk },
    })).jwt;
    return c.retrieveCredentials({ issuerMetadata: metadata, accessToken, credentialConfigurationId: configuration, proofs: { jwt: [proof] } });
  };
  const nonce = async () => (await client.requestNonce({ issuerMetadata })).c_nonce;

  const used = await nonce();
  out.first_use_of_nonce = await errorOf(() => request(client, { nonce: used }));
  out.stale_nonce = await errorOf(() => request(client, { nonce: used }));
  out.foreign_nonce = await errorOf(() => request(client, { nonce: Buffer.from(randomBytes(32)).toString('base64url') }));
  out.proof_by_another_key = await errorOf(async () => request(forger, { nonce: await nonce() }));
  // The client refuses by itself an id its copy of the metadata lacks; to make it send one, the copy is given one.
  out.unsupported_configuration_client_side = await errorOf(() => request(client, { nonce: 'x', configuration: 'mso_mdoc_diploma' }));
  const widened = structuredClone(issuerMetadata);
  widened.credentialIssuer.credential_configurations_supported.eudi_diploma = {
    ...issuerMetadata.credentialIssuer.credential_configurations_supported[SD_JWT], vct: 'urn:eu.europa.ec.eudi:diploma:1:1',
  };
  out.unsupported_configuration = await errorOf(async () => request(client, { nonce: await nonce(), configuration: 'eudi_diploma', metadata: widened }));

  // Wrong PINs up to the attempt limit on a second offer: then even the right PIN is refused.
  if (lockOffer) {
    const locked = await client.resolveCredentialOffer(lockOffer.offer);
    out.wrong_pins_until_locked = [];
    for (let i = 0; i < lockOffer.attempts; i++) {
      out.wrong_pins_until_locked.push((await errorOf(() => client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: locked, issuerMetadata, txCode: lockOffer.pin === '000000' ? '111111' : '000000' }))).error);
    }
    out.right_pin_after_lock = await errorOf(() => client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: locked, issuerMetadata, txCode: lockOffer.pin }));
  }
  return out;
}

// ---- the benchmark: the flow once per download token ----------------------------------------------------------------

async function bench({ issuer, downloadTokens, trustAnchorPem }) {
  const runs = [];
  for (const token of downloadTokens) {
    const start = performance.now();
    const made = await fetch(`${issuer}/wallet/offers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ download_token: token }) });
    if (!made.ok) throw new Error(`POST /wallet/offers: ${made.status}`);
    const { offer_link, tx_code } = await made.json();
    const offerMs = performance.now() - start;
    const result = await flow({ offer: offer_link, pin: tx_code, trustAnchorPem });
    runs.push({ timings: { make_offer: offerMs, ...result.timings }, total: performance.now() - start, sizes: result.sizes, ok: result.presentationCheck.host.verdict === 'valid' });
  }
  const steps = Object.keys(runs[0]?.timings ?? {});
  const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  return {
    runs: runs.length,
    all_valid: runs.every(r => r.ok),
    median_ms: Object.fromEntries([...steps.map(step => [step, +median(runs.map(r => r.timings[step])).toFixed(2)]), ['total', +median(runs.map(r => r.total)).toFixed(2)]]),
    sizes: runs[0]?.sizes ?? null,
  };
}

const modes = { flow, check, refusals, bench };
if (!modes[input.mode]) {
  console.error(`unknown mode ${input.mode}`);
  process.exit(2);
}
console.log(JSON.stringify(await modes[input.mode](input)));
