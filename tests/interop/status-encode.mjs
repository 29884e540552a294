// Encodes a Bitstring Status List with the Digital Bazaar reference library.
// Usage: node status-encode.mjs <length in bits> <JSON array of indexes to set>
// Output: the encodedList (multibase base64url GZIP).
import {createList} from '@digitalbazaar/vc-bitstring-status-list';

const [, , length, indexes] = process.argv;
const list = await createList({length: Number(length)});
for(const index of JSON.parse(indexes ?? '[]')) {
  list.setStatus(index, true);
}
process.stdout.write(await list.encode());
