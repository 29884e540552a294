// Checks a credential's status with @digitalbazaar/vc-bitstring-status-list `checkStatus`, which loads each status
// list credential, verifies its Data Integrity proof (eddsa-rdfc-2022), matches purpose and issuer, and reads the bit.
// Everything is served offline: the list credentials from the input file, contexts and the key from di-loader.mjs.
// Usage: node status-check.mjs <input.json>
//   input: {"credential": {…}, "lists": [{…signed list credential…}], "publicKeyMultibase": "z6Mk…",
//           "verificationMethod": "did:…#z6Mk…"}
// Output: {"verified": bool, "results": [{"statusPurpose", "statusListIndex", "status"}], "error": string|null}
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {addMultikeyController, documentLoader as baseLoader, readJson} from './di-loader.mjs';

const input = readJson(process.argv[2]);
const {publicKeyMultibase, verificationMethod} = input;
addMultikeyController({controller: verificationMethod.split('#')[0], verificationMethod, publicKeyMultibase});
const lists = new Map(input.lists.map(list => [list.id, list]));

async function documentLoader(url) {
  if(lists.has(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(lists.get(url))};
  }
  return baseLoader(url);
}

const result = await checkStatus({
  credential: input.credential,
  documentLoader,
  suite: new DataIntegrityProof({cryptosuite})
});
const results = (result.results ?? []).map(r => ({
  statusPurpose: r.credentialStatus.statusPurpose,
  statusListIndex: r.credentialStatus.statusListIndex,
  status: r.status
}));
const error = result.error ? String(result.error.message) : null;
process.stdout.write(JSON.stringify({verified: result.verified, results, error}) + '\n');
