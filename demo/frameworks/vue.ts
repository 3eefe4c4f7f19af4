// <creem-portal> from Vue 3 with a render function (no template compiler, no plugin): `.token` and `.theme`
// are set as properties, `^locale` and `^api-base` as attributes, `onCreemReady` listens for `creem-ready`.
import { createApp, defineComponent, h, onMounted, ref } from 'vue';
import type { Theme } from '../../widget/creem-portal.js';
import { demoToken, describeEvent } from './session.js';

const App = defineComponent(() => {
  const token = ref<string>();
  const theme = ref<Theme>('light');
  const seen = ref<string[]>([]);
  const failure = ref('');

  onMounted(() => {
    demoToken().then(
      (t) => (token.value = t),
      (e) => (failure.value = String(e)),
    );
  });

  const record = (e: Event) => {
    seen.value = [describeEvent(e), ...seen.value];
  };

  return () =>
    h('div', null, [
      h('h1', null, 'Your account (Vue)'),
      h('p', { class: 'lead' }, 'The same element, rendered by Vue 3.'),
      h('p', null, [
        h('button', { type: 'button', onClick: () => (theme.value = theme.value === 'dark' ? 'light' : 'dark') }, `Theme: ${theme.value}`),
      ]),
      token.value
        ? h('creem-portal', {
            '.token': token.value,
            '.theme': theme.value,
            '^locale': 'en',
            '^api-base': location.origin,
            onCreemReady: record,
            onCreemSubscriptionCanceled: record,
            onCreemSubscriptionResumed: record,
            onCreemSubscriptionChanged: record,
            onCreemError: record,
          })
        : h('p', null, failure.value || 'Signing in…'),
      h('h2', null, 'Events Vue received'),
      h('ul', { 'aria-label': 'Events Vue received', id: 'framework-events' }, seen.value.map((s, i) => h('li', { key: i }, s))),
    ]);
});

createApp(App).mount('#root');
