// Progressive enhancement only: copy buttons and the print button appear when the script runs; the pages work without it.
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(source.textContent.trim());
      const label = button.textContent;
      button.textContent = button.dataset.copied || label;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
  for (const button of document.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
});

// Staff passkeys (WebAuthn): a form marked data-passkey="create" (register) or "get" (sign in) is shown only when the
// browser can do passkeys. On submit it fetches fresh options (a form POST with the form's antiforgery token), lets the
// browser ask the authenticator, puts the answer in the form's hidden "credential" field and sends the form.
document.addEventListener('DOMContentLoaded', () => {
  const supported = window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON && PublicKeyCredential.parseRequestOptionsFromJSON;
  for (const form of document.querySelectorAll('form[data-passkey]')) {
    if (!supported) continue;
    form.hidden = false;
    for (const note of document.querySelectorAll('[data-passkey-unsupported]')) note.hidden = true;
    const error = form.querySelector('[data-passkey-error]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (error) error.hidden = true;
      try {
        const body = new URLSearchParams({ __RequestVerificationToken: form.elements.__RequestVerificationToken.value });
        const response = await fetch(form.dataset.passkeyOptions, { method: 'POST', body, credentials: 'same-origin' });
        if (!response.ok) throw new Error('options ' + response.status);
        const options = await response.json();
        const credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.credential.value = JSON.stringify(credential);
        form.submit();
      } catch (e) {
        console.warn('passkey: ' + e);
        if (error) error.hidden = false;
      }
    });
  }
});

// The catalogue form's live EU Annex I check: on every field change the form is checked by the server (the messages of
// 'catalog check', in the page's language) and each message is shown next to its field. Submitting checks it again.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form[data-live-check]');
  if (!form) return;
  const summary = document.querySelector('[data-check-summary]');
  let pending = 0;
  form.addEventListener('change', async (event) => {
    if (event.target && event.target.type === 'file') return;
    const body = new FormData(form);
    body.delete('logo');
    const ticket = ++pending;
    const response = await fetch(form.dataset.liveCheck, { method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok || ticket !== pending) return;
    const answer = await response.json();
    for (const slot of form.querySelectorAll('[data-error-for]')) slot.textContent = '';
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    const general = [];
    for (const error of answer.errors) {
      const slot = error.field ? form.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`) : null;
      if (!slot) { general.push(error.message); continue; }
      slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
      const input = document.getElementById(slot.id.replace(/^e-/, 'f-'));
      if (input) input.setAttribute('aria-invalid', 'true');
    }
    if (summary) {
      const count = summary.querySelector('[data-check-count]');
      count.textContent = answer.summary;
      count.dataset.checkCount = String(answer.errors.length);
      const list = summary.querySelector('[data-check-general]');
      list.replaceChildren(...general.map(text => Object.assign(document.createElement('li'), { textContent: text })));
    }
  });
});
