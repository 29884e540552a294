// Verifies VC-JWTs with the `jose` npm package against a JWKS, as an independent OB 3.0 verifier would.
// Usage: node jwt-verify.mjs <jwks.json> <tokens.json>   (tokens.json: a JSON array of compact JWS strings)
// Prints one JSON object: { thumbprints: [{kid, thumbprint}], results: [{ok, header?, payload?, error?}] }.
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, jwtVerify, calculateJwkThumbprint } from 'jose';

const [jwksPath, tokensPath] = process.argv.slice(2);
const jwks = JSON.parse(await readFile(jwksPath, 'utf8'));
const tokens = JSON.parse(await readFile(tokensPath, 'utf8'));
const keySet = createLocalJWKSet(jwks);

const thumbprints = [];
for (const key of jwks.keys) {
  thumbprints.push({ kid: key.kid, thumbprint: await calculateJwkThumbprint(key, 'sha256') });
}

const results = [];
for (const token of tokens) {
  try {
    // OB 3.0: RS256 or ES256, typ "JWT"; nbf is checked against the current time by jose.
    const { payload, protectedHeader } = await jwtVerify(token, keySet, { algorithms: ['RS256', 'ES256'], typ: 'JWT' });
    results.push({ ok: true, header: protectedHeader, payload });
  } catch (error) {
    results.push({ ok: false, error: `${error.code ?? error.name}: ${error.message}` });
  }
}

process.stdout.write(JSON.stringify({ thumbprints, results }));
