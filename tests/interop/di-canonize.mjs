// Prints the RDFC-1.0 canonical N-Quads of a JSON-LD document, the reference way: jsonld.toRDF (safe mode,
// application/n-quads) then rdf-canonize with algorithm RDFC-1.0.
// Usage: node di-canonize.mjs <document.json>
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import {documentLoader, readJson} from './di-loader.mjs';

const document = readJson(process.argv[2]);
delete document.proof;
const nquads = await jsonld.toRDF(document, {format: 'application/n-quads', documentLoader, safe: true});
const canonical = await rdfCanonize.canonize(nquads, {
  algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads'
});
process.stdout.write(canonical);
