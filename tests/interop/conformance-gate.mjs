// The conformance gate's independent checks on credentials our host issued (issue 11 point 5), run without network:
//   1. ajv (JSON Schema draft 2019-09, ajv/dist/2019 + ajv-formats) with the 1EdTech OB 3.0 AchievementCredential schema;
//   2. the DCC verifier (@digitalcredentials/verifier-core): signature, expiry, status (and its own schema check);
//   3. jsonld.js expansion in safe mode (every term defined by a listed context);
//   4. jose: each VC-JWT verified with the key its kid names in the host's JWKS (RS256/ES256, typ JWT).
// verifier-core builds its document loader at import time and offers no way to pass one in, but every remote
// read it makes (did:web DID documents, contexts, status list credentials, the schema) goes through the global
// fetch (ky → globalThis.fetch; its schema check calls fetch directly). So this script replaces globalThis.fetch
// *before* importing verifier-core: URLs under a `rewrite` prefix go to the loopback test host (did:web is
// https-only, the host listens on http://127.0.0.1), URLs in `files` are read from disk, and anything else is
// refused and listed in `refused` (the test asserts it is empty).
//
// Usage: node conformance-gate.mjs <input.json>
// input:  { rewrite: {"<url prefix>": "<loopback prefix>"}, files: {"<url>": "<path>"}, schema: "<path>", jwks: "<url>",
//           credentials: [{ name, credential, jwt? }] }
// output: { refused: [url], fetched: [{url, to, status}], results: [{ name, ajv: {valid, errors}, dcc: {...}, jsonld: {...}, jwt?: {...} }] }
import { readFile } from 'node:fs/promises';

const input = JSON.parse(await readFile(process.argv[2], 'utf8'));
const refused = [];
const fetched = [];
const realFetch = globalThis.fetch.bind(globalThis);

function target(url) {
  for (const [prefix, to] of Object.entries(input.rewrite ?? {})) {
    if (url.startsWith(prefix)) {
      return { kind: 'host', to: to + url.slice(prefix.length) };
    }
  }
  const path = (input.files ?? {})[url];
  return path ? { kind: 'file', to: path } : null;
}

globalThis.fetch = async (resource, init) => {
  const url = typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url;
  const found = target(url.split('#')[0]);
  if (!found) {
    refused.push(url);
    throw new TypeError(`conformance gate: no network; ${url} is not one of the test host's or the fixtures' URLs`);
  }
  if (found.kind === 'file') {
    fetched.push({ url, to: found.to, status: 200 });
    return new Response(await readFile(found.to), { status: 200, headers: { 'content-type': 'application/json' } });
  }
  const headers = resource instanceof Request ? resource.headers : init?.headers;
  const signal = resource instanceof Request ? resource.signal : init?.signal;
  const response = await realFetch(found.to, { method: 'GET', headers, signal, redirect: 'manual' });
  fetched.push({ url, to: found.to, status: response.status });
  return response;
};

const { default: Ajv2019 } = await import('ajv/dist/2019.js');
const { default: addFormats } = await import('ajv-formats');
const { verifyCredential } = await import('@digitalcredentials/verifier-core');
const { securityLoader } = await import('@digitalcredentials/security-document-loader');
const jsonld = (await import('jsonld')).default;
const { createLocalJWKSet, jwtVerify } = await import('jose');

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validateOb3 = ajv.compile(JSON.parse(await readFile(input.schema, 'utf8')));

// The same loader verifier-core uses (static W3C/OB contexts, remote ones through the fetch above).
const loader = securityLoader({ fetchRemoteContexts: true }).build();
const jwks = input.jwks ? await (await globalThis.fetch(input.jwks)).json() : null;
const keySet = jwks ? createLocalJWKSet(jwks) : null;

const results = [];
for (const { name, credential, jwt } of input.credentials) {
  const valid = validateOb3(credential);
  const ajvResult = { valid, errors: (validateOb3.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`) };

  const dcc = await verifyCredential({ credential, knownDIDRegistries: [] });
  const dccResult = {
    errors: (dcc.errors ?? []).map(e => ({ name: e.name, message: e.message })),
    log: (dcc.log ?? []).map(step => ({ id: step.id, valid: step.valid, error: step.error ? { name: step.error.name, message: step.error.message } : undefined })),
    schema: (dcc.additionalInformation ?? []).filter(i => i.id === 'schema_check').map(i =>
      Array.isArray(i.results) ? i.results.map(r => ({ schema: r.schema, valid: r.result?.valid, errors: (r.result?.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`) })) : i.results),
  };

  let jsonldResult;
  try {
    const expanded = await jsonld.expand(credential, { safe: true, documentLoader: loader });
    jsonldResult = { ok: true, nodes: expanded.length };
  } catch (error) {
    jsonldResult = { ok: false, error: `${error.name}: ${error.message}`, details: error.details?.event?.code ?? error.details?.code };
  }

  let jwtResult;
  if (jwt && keySet) {
    try {
      const { protectedHeader } = await jwtVerify(jwt, keySet, { algorithms: ['RS256', 'ES256'], typ: 'JWT' });
      jwtResult = { ok: true, header: protectedHeader };
    } catch (error) {
      jwtResult = { ok: false, error: `${error.code ?? error.name}: ${error.message}` };
    }
  }

  results.push({ name, ajv: ajvResult, dcc: dccResult, jsonld: jsonldResult, ...(jwtResult ? { jwt: jwtResult } : {}) });
}

process.stdout.write(JSON.stringify({ refused, fetched, results }));
