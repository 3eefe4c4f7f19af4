// The playground: theme, custom properties, locale and deep-link attributes, applied live to the element,
// and the HTML a merchant would paste for the same result.
const DEFAULT_ACCENT = '#4f46e5';

/** The playground's state from the form (and, at start, from the page's query string). */
export function readState(form) {
  const f = new FormData(form);
  return {
    theme: f.get('theme') || 'light',
    accent: f.get('accent') && f.get('accent') !== DEFAULT_ACCENT ? f.get('accent') : '',
    radius: f.get('radius') && f.get('radius') !== '8' ? `${f.get('radius')}px` : '',
    font: f.get('font') || '',
    locale: f.get('locale') || '',
    view: f.get('view') || 'subscriptions',
    subscription: f.get('subscription') || '',
    flow: f.get('flow') || '',
  };
}

/** One option per locale the element speaks, each named in its own language. */
export function fillLocales(select, locales) {
  for (const tag of locales) select.append(new Option(`${new Intl.DisplayNames([tag], { type: 'language' }).of(tag)} (${tag})`, tag));
}

/** Fill the form from ?theme=dark&locale=de… so a state can be linked to. */
export function loadQuery(form, params) {
  for (const name of ['theme', 'accent', 'radius', 'font', 'locale', 'view', 'flow']) {
    const v = params.get(name);
    if (v !== null && form.elements[name]) form.elements[name].value = v;
  }
  const sub = params.get('subscription');
  if (sub) {
    const select = form.elements.subscription;
    if (![...select.options].some((o) => o.value === sub)) select.append(new Option(sub, sub));
    select.value = sub;
  }
  form.elements.radiusOut.value = `${form.elements.radius.value}px`;
}

const PROPS = { accent: '--creem-portal-accent', radius: '--creem-portal-radius', font: '--creem-portal-font' };
const setAttr = (el, name, value) => (value ? el.setAttribute(name, value) : el.removeAttribute(name));

/** Apply what can change on a live element: attributes and custom properties (CSSOM, so CSP-safe). */
export function applyLive(el, s) {
  setAttr(el, 'theme', s.theme === 'light' ? '' : s.theme);
  setAttr(el, 'locale', s.locale);
  setAttr(el, 'view', s.view === 'subscriptions' ? '' : s.view);
  for (const [key, prop] of Object.entries(PROPS)) {
    if (s[key]) el.style.setProperty(prop, s[key]);
    else el.style.removeProperty(prop);
  }
}

/** Deep-link attributes only act when the element starts, so they go on a fresh element. */
export function applyDeepLink(el, s) {
  setAttr(el, 'subscription-id', s.flow ? s.subscription : '');
  setAttr(el, 'flow', s.subscription ? s.flow : '');
}

/** The copy-paste HTML for this state. */
export function snippet(s, scriptUrl) {
  const attrs = ['token-url="/your/creem-token"'];
  if (s.theme !== 'light') attrs.push(`theme="${s.theme}"`);
  if (s.locale) attrs.push(`locale="${s.locale}"`);
  if (s.view !== 'subscriptions') attrs.push(`view="${s.view}"`);
  if (s.subscription && s.flow) attrs.push(`subscription-id="${s.subscription}"`, `flow="${s.flow}"`);
  const lines = [`<script src="${scriptUrl}"></script>`, '', `<creem-portal ${attrs.join(' ')}></creem-portal>`];
  const props = Object.entries(PROPS).filter(([k]) => s[k]);
  if (props.length) {
    lines.push('', '/* in your stylesheet */', 'creem-portal {', ...props.map(([k, p]) => `  ${p}: ${s[k]};`), '}');
  }
  return lines.join('\n');
}
