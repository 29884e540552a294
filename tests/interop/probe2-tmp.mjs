import jsonld from 'jsonld';
const docs = JSON.parse(process.argv[2]);
for (const doc of docs) {
  for (const mode of ['expand','toRDF']) {
    try {
      const r = mode==='expand' ? await jsonld.expand(doc, {safe: false}) : await jsonld.toRDF(doc, {safe:true, format:'application/n-quads'});
      console.log(mode, 'OK', JSON.stringify(r).slice(0,400));
    } catch (e) { console.log(mode, 'ERR', e.details?.code ?? e.details?.event?.code, JSON.stringify(e.details?.event?.details ?? '').slice(0,200)); }
  }
}
