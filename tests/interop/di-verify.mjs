// Verifies a credential with @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022; the verification method and
// its controller document are served offline. Prints {"verified": …, "error": …}; exit code 0 only when verified.
// Status is not part of this check (checkStatus accepts every entry): only the proof is under test.
// Usage: node di-verify.mjs <signed.json> <publicKeyMultibase> <verificationMethod>
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {addMultikeyController, documentLoader, readJson} from './di-loader.mjs';

const [file, publicKeyMultibase, verificationMethod] = process.argv.slice(2);
addMultikeyController({controller: verificationMethod.split('#')[0], verificationMethod, publicKeyMultibase});
const suite = new DataIntegrityProof({cryptosuite});
const result = await vc.verifyCredential({
  credential: readJson(file), suite, documentLoader, checkStatus: async () => ({verified: true})
});
const error = result.error ? String(result.error.errors?.map(e => e.message) ?? result.error.message) : null;
process.stdout.write(JSON.stringify({verified: result.verified, error}) + '\n');
process.exit(result.verified ? 0 : 1);
