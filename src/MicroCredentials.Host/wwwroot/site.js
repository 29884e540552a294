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
