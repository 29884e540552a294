// Decodes a Bitstring Status List encodedList with the Digital Bazaar reference library and prints the set indexes.
// Usage: node status-decode.mjs <file>   (file holds an encodedList string, or a status list credential as JSON)
// Output: {"length": <bits>, "set": [<index>, ...]}
import {readFile} from 'node:fs/promises';
import {decodeList} from '@digitalbazaar/vc-bitstring-status-list';

const [, , file] = process.argv;
if(!file) {
  console.error('usage: node status-decode.mjs <file>');
  process.exit(2);
}

const text = (await readFile(file, 'utf8')).trim();
const encodedList = text.startsWith('{') ?
  JSON.parse(text).credentialSubject.encodedList : text;

const list = await decodeList({encodedList});
const set = [];
for(let i = 0; i < list.length; i++) {
  if(list.getStatus(i)) {
    set.push(i);
  }
}
process.stdout.write(JSON.stringify({length: list.length, set}));
