// Differential test partner of tests/MicroCredentials.Core.Tests/Differential: reads one JSON-LD document per line on
// stdin and writes one JSON line per document on stdout, in order: {"ok":true,"nquads":…} with the RDFC-1.0 canonical
// N-Quads (jsonld.toRDF in safe mode, then rdf-canonize), or {"ok":false,"code":…,"message":…} when either rejects.
// Contexts come from the offline loader the Data Integrity scripts use; nothing is fetched.
// Usage: node jsonld-differential.mjs < cases.jsonl
import {createInterface} from 'node:readline';
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import {documentLoader} from './di-loader.mjs';

async function run(line) {
  let document;
  try {
    document = JSON.parse(line);
  } catch(e) {
    return {ok: false, code: 'invalid JSON', message: e.message};
  }
  try {
    const nquads = await jsonld.toRDF(document, {format: 'application/n-quads', documentLoader, safe: true});
    const canonical = await rdfCanonize.canonize(nquads, {
      algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads'
    });
    return {ok: true, nquads: canonical};
  } catch(e) {
    const code = e?.details?.code ?? e?.details?.event?.code ?? e?.name ?? 'error';
    return {ok: false, code, message: String(e?.message ?? e)};
  }
}

const lines = createInterface({input: process.stdin, crlfDelay: Infinity});
for await (const line of lines) {
  if(line.length === 0) {
    continue;
  }
  process.stdout.write(JSON.stringify(await run(line)) + '\n');
}
