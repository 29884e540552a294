// Times the JavaScript reference stack on one credential: canonicalize + sign (vc.issue with DataIntegrityProof /
// eddsa-rdfc-2022) and verify (vc.verifyCredential), N iterations each after a warm-up, single-threaded.
// Usage: node bench-di.mjs <unsigned.json> <secretKeyMultibase> <publicKeyMultibase> <verificationMethod> [iterations]
// Prints {"signPerSecond": …, "verifyPerSecond": …, "iterations": …}.
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {addMultikeyController, documentLoader, readJson} from './di-loader.mjs';

const [file, secretKeyMultibase, publicKeyMultibase, verificationMethod, n = '200'] = process.argv.slice(2);
const iterations = Number(n);
const controller = verificationMethod.split('#')[0];
addMultikeyController({controller, verificationMethod, publicKeyMultibase});
const keyPair = await Ed25519Multikey.from({id: verificationMethod, controller, publicKeyMultibase, secretKeyMultibase});
const credential = readJson(file);

const sign = () => vc.issue({
  credential: structuredClone(credential),
  suite: new DataIntegrityProof({signer: keyPair.signer(), cryptosuite, date: '2026-02-10T09:30:15Z'}),
  documentLoader
});
const signed = await sign();
const verify = async () => {
  const result = await vc.verifyCredential({
    credential: signed, suite: new DataIntegrityProof({cryptosuite}), documentLoader,
    checkStatus: async () => ({verified: true})
  });
  if(!result.verified) {
    throw new Error('verification failed');
  }
};

async function rate(operation) {
  for(let i = 0; i < Math.min(50, iterations); i++) {
    await operation();
  }
  const start = process.hrtime.bigint();
  for(let i = 0; i < iterations; i++) {
    await operation();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return iterations / seconds;
}

const signPerSecond = await rate(sign);
const verifyPerSecond = await rate(verify);
process.stdout.write(JSON.stringify({signPerSecond, verifyPerSecond, iterations}) + '\n');
