// Times jsonld.js toRDF on the benchmark micro-credential with the same embedded contexts (offline loader),
// for comparison with MicroCredentials.Benchmarks JsonLdBenchmarks.ToRdf.
// Usage: node tests/interop/bench/jsonld-tordf.mjs   (from the repository root; needs tests/interop/node_modules)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const contexts = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
  'https://credentials.nova-academy.be/contexts/microcredential-v1.jsonld': 'microcredential-v1.jsonld',
};
const documents = Object.fromEntries(Object.entries(contexts).map(([url, file]) =>
  [url, JSON.parse(readFileSync(join(root, 'src', 'MicroCredentials.Core', 'Contexts', file), 'utf8'))]));
const documentLoader = async url => {
  if (!(url in documents)) throw new Error(`${url} not embedded`);
  return { contextUrl: null, documentUrl: url, document: documents[url] };
};
const credential = JSON.parse(readFileSync(join(root, 'benchmarks', 'MicroCredentials.Benchmarks', 'Data', 'microcredential-sample.json'), 'utf8'));
const options = { documentLoader, safe: process.argv[2] !== "--unsafe" };

const quads = await jsonld.toRDF(credential, options);
for (let i = 0; i < 50; i++) await jsonld.toRDF(credential, options);
const n = 300;
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
for (let i = 0; i < n; i++) await jsonld.toRDF(credential, options);
const us = Number(process.hrtime.bigint() - start) / 1000 / n;
const used = process.cpuUsage(cpu);
const cpuUs = (used.user + used.system) / n;
console.log(`jsonld.js toRDF: ${quads.length} quads, wall ${us.toFixed(1)} µs, cpu ${cpuUs.toFixed(1)} µs per credential`);
