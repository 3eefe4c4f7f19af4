/**
 * Static assets of the hosted pages, served from our own origin (CSP: script-src 'self',
 * style-src 'self'; nothing inline).
 */
export const PAGE_CSS = `:root{color-scheme:light;--brand:#4f46e5;--brand-fg:#fff;--ink:#111318;--muted:#5b616e;--line:#e3e5ea;--bg:#f4f5f7}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:var(--bg);color:var(--ink);font:16px/1.5 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
.top{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:.75rem 1.25rem;background:#fff;border-top:6px solid var(--brand);border-bottom:1px solid var(--line)}
.brand{display:flex;align-items:center;gap:.6rem;font-weight:600;font-size:1.1rem}
.brand img{height:28px}
main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid var(--line);border-radius:12px}
main.wide{max-width:64rem;margin:1.5rem auto;padding:0;border:0;background:transparent}
h1{margin:0 0 .75rem;font-size:1.4rem;line-height:1.3}
p{margin:0 0 1rem}
.muted{color:var(--muted);font-size:.9rem}
label{display:block;margin:1rem 0 .35rem;font-weight:600}
input[type=email],input[type=text]{width:100%;padding:.65rem .75rem;border:1px solid #b9bec8;border-radius:8px;font:inherit}
input[readonly]{background:var(--bg)}
input[aria-invalid=true]{border-color:#b3261e}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--brand);outline-offset:2px}
.field-error{margin:.35rem 0 0;color:#8a1c1c;font-size:.9rem}
.notice{padding:.6rem .9rem;border-radius:8px;background:#fff7e0;color:#5c4400;font-size:.9rem}
.summary{display:grid;grid-template-columns:1fr auto;gap:.3rem 1rem;margin:0 0 1rem}
.summary dd{margin:0;text-align:end}
img.product{max-width:100%;border-radius:8px;margin-bottom:1rem}
button{margin-top:1rem;padding:.7rem 1.25rem;border:0;border-radius:8px;background:var(--brand);color:var(--brand-fg);font:inherit;font-weight:600;cursor:pointer}
button.link{margin:0;padding:.35rem .7rem;background:transparent;color:var(--ink);border:1px solid var(--line)}
[role=alert]{padding:.75rem 1rem;border-radius:8px;background:#fdecec;color:#8a1c1c}
`;

/**
 * /portal/magic: takes the code out of the fragment, clears it from the address bar and history
 * at once, then posts it (never in a URL) back to /portal/magic, which names the account and asks
 * the customer to continue. The script spends nothing: a mail scanner that runs it signs no one in.
 */
export const MAGIC_JS = `(function () {
  var match = /[#&]creem_code=([^&]*)/.exec(location.hash);
  history.replaceState(null, '', location.pathname + location.search);
  var form = document.getElementById('redeem');
  if (!form) return;
  var code = '';
  try { code = match ? decodeURIComponent(match[1]) : ''; } catch (e) { code = ''; }
  form.elements.namedItem('code').value = code;
  form.submit();
})();
`;

export const brandCss = (color: string, fg: string) => `:root{--brand:${color};--brand-fg:${fg}}\n`;
