// Verifies a signed credential with @digitalbazaar/vc `verifyCredential`, using @digitalbazaar/vc-bitstring-status-list
// `checkStatus` as its status checker (the way a third-party verifier checks our revocations). Everything is served
// offline: the status list credentials from the input file, contexts and the key from di-loader.mjs.
// Usage: node status-vc-verify.mjs <input.json>
//   input: {"credential": {…signed…}, "lists": [{…signed list credential…}], "publicKeyMultibase": "z6Mk…",
//           "verificationMethod": "did:…#z6Mk…"}
// Output: {"verified": bool, "statusVerified": bool, "results": [{"statusPurpose", "status"}], "error": string|null}
import * as vc from '@digitalbazaar/vc';
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

const suite = new DataIntegrityProof({cryptosuite});
const result = await vc.verifyCredential({credential: input.credential, suite, documentLoader, checkStatus});
const results = (result.statusResult?.results ?? []).map(r => ({
  statusPurpose: r.credentialStatus.statusPurpose,
  status: r.status
}));
const error = result.error ? String(result.error.errors?.map(e => e.message) ?? result.error.message) : null;
process.stdout.write(JSON.stringify({verified: result.verified, statusVerified: result.statusResult?.verified ?? null, results, error}) + '\n');
