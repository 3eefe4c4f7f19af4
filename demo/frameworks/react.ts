// <creem-portal> from React 19, with no JSX plugin: React sets `token` and `theme` as properties (the element
// defines them), `api-base` and `locale` as attributes, and `oncreem-*` props become listeners for those events.
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Theme } from '../../widget/creem-portal.js';
import { demoToken, describeEvent } from './session.js';

function App() {
  const [token, setToken] = useState<string>();
  const [theme, setTheme] = useState<Theme>('light');
  const [seen, setSeen] = useState<string[]>([]);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    demoToken().then(setToken, (e) => setFailure(String(e)));
  }, []);

  const record = (e: Event) => setSeen((s) => [describeEvent(e), ...s]);
  const portal = token
    ? h('creem-portal', {
        token,
        theme,
        locale: 'en',
        'api-base': location.origin,
        'oncreem-ready': record,
        'oncreem-subscription-canceled': record,
        'oncreem-subscription-resumed': record,
        'oncreem-subscription-changed': record,
        'oncreem-error': record,
      })
    : h('p', null, failure || 'Signing in…');

  return h(
    'div',
    null,
    h('h1', null, 'Your account (React)'),
    h('p', { className: 'lead' }, 'The same element, rendered by React 19.'),
    h(
      'p',
      null,
      h('button', { type: 'button', onClick: () => setTheme((t) => (t === 'dark' ? 'light' : 'dark')) }, `Theme: ${theme}`),
    ),
    portal,
    h('h2', null, 'Events React received'),
    h('ul', { 'aria-label': 'Events React received', id: 'framework-events' }, ...seen.map((s, i) => h('li', { key: i }, s))),
  );
}

createRoot(document.getElementById('root')!).render(h(App));
