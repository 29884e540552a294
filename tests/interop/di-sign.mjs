// Signs a credential with @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022 and prints it.
// Usage: node di-sign.mjs <unsigned.json> <secretKeyMultibase> <publicKeyMultibase> <verificationMethod> <created>
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {documentLoader, readJson} from './di-loader.mjs';

const [file, secretKeyMultibase, publicKeyMultibase, verificationMethod, created] = process.argv.slice(2);
const controller = verificationMethod.split('#')[0];
const keyPair = await Ed25519Multikey.from({
  id: verificationMethod, controller, publicKeyMultibase, secretKeyMultibase
});
const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite, date: created});
const signed = await vc.issue({credential: readJson(file), suite, documentLoader});
process.stdout.write(JSON.stringify(signed, null, 2));
