import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../server/domain/errors.js';
import * as rules from '../../server/domain/subscription-rules.js';
import type { Subscription, SubscriptionStatus } from '../../server/store/schema.js';

const NOW = Date.UTC(2025, 5, 15);
const END = '2025-07-01T00:00:00.000Z';

function sub(status: SubscriptionStatus): Subscription {
  return {
    id: 'sub_x',
    merchant_id: 'mer_x',
    mode: 'test',
    created_at: '2025-01-01T00:00:00.000Z',
    customer_id: 'cust_x',
    product_id: 'prod_x',
    status,
    items: [],
    current_period_start_date: '2025-06-01T00:00:00.000Z',
    current_period_end_date: END,
    next_transaction_date: status === 'active' ? END : null,
    last_transaction_id: null,
    last_transaction_date: null,
    trial_end_date: null,
    canceled_at: null,
    scheduled_action: status === 'scheduled_cancel' ? 'cancel' : null,
    cancel_reason: null,
    cancel_comment: null,
    updated_at: '2025-01-01T00:00:00.000Z',
  };
}

const ALL: SubscriptionStatus[] = ['active', 'trialing', 'scheduled_cancel', 'paused', 'canceled', 'past_due', 'unpaid'];

type Action = [string, (s: Subscription) => rules.Transition, Partial<Record<SubscriptionStatus, [SubscriptionStatus, string]>>];

/** docs/domain.md's table: every (state, action) pair not listed here must be refused with a 409. */
const TABLE: Action[] = [
  [
    'cancel now',
    (s) => rules.cancel(s, { mode: 'immediate', onExecute: 'cancel' }, NOW),
    Object.fromEntries(
      (['active', 'trialing', 'past_due', 'unpaid', 'paused', 'scheduled_cancel'] as const).map((k) => [k, ['canceled', 'subscription.canceled']]),
    ),
  ],
  [
    'cancel at period end',
    (s) => rules.cancel(s, { mode: 'scheduled', onExecute: 'cancel' }, NOW),
    { active: ['scheduled_cancel', 'subscription.scheduled_cancel'], trialing: ['scheduled_cancel', 'subscription.scheduled_cancel'] },
  ],
  ['pause', (s) => rules.pause(s, NOW), { active: ['paused', 'subscription.paused'], trialing: ['paused', 'subscription.paused'] }],
  ['resume', (s) => rules.resume(s, NOW), { paused: ['active', 'subscription.active'], scheduled_cancel: ['active', 'subscription.active'] }],
  ['reach period end of a scheduled cancel', (s) => rules.endScheduledCancel(s, NOW), { scheduled_cancel: ['canceled', 'subscription.canceled'] }],
];

for (const [name, act, allowed] of TABLE) {
  test(`${name}: allowed exactly from ${Object.keys(allowed).join(', ')}; refused with 409 from every other state`, () => {
    for (const from of ALL) {
      const expected = allowed[from];
      if (expected) {
        const { subscription, eventType } = act(sub(from));
        assert.equal(subscription.status, expected[0], `${name} from ${from}`);
        assert.equal(eventType, expected[1]);
      } else {
        assert.throws(
          () => act(sub(from)),
          (e: unknown) => e instanceof DomainError && e.kind === 'conflict' && e.message.includes('sub_x'),
          `${name} from ${from} must be refused`,
        );
      }
    }
  });
}

test('a scheduled cancel keeps the period and access; resuming it keeps the same period', () => {
  const scheduled = rules.cancel(sub('active'), { mode: 'scheduled', onExecute: 'cancel' }, NOW).subscription;
  assert.equal(scheduled.current_period_end_date, END);
  assert.equal(scheduled.canceled_at, null);
  assert.equal(scheduled.next_transaction_date, null, 'no further charge is planned');
  const resumed = rules.resume(scheduled, NOW).subscription;
  assert.equal(resumed.current_period_end_date, END);
  assert.equal(resumed.next_transaction_date, END, 'the next charge is planned again');
});

test('a cancel now stamps canceled_at with the current time', () => {
  assert.equal(rules.cancel(sub('paused'), { mode: 'immediate', onExecute: 'cancel' }, NOW).subscription.canceled_at, new Date(NOW).toISOString());
});

test('a scheduled cancel asked to pause ends paused at period end, with subscription.paused', () => {
  const scheduled = rules.cancel(sub('active'), { mode: 'scheduled', onExecute: 'pause' }, NOW).subscription;
  const ended = rules.endScheduledCancel(scheduled, Date.parse(END));
  assert.equal(ended.subscription.status, 'paused');
  assert.equal(ended.eventType, 'subscription.paused');
  assert.equal(ended.subscription.canceled_at, null);
});

test('scheduling a cancel twice explains that it is already scheduled', () => {
  assert.throws(
    () => rules.cancel(sub('scheduled_cancel'), { mode: 'scheduled', onExecute: 'cancel' }, NOW),
    (e: unknown) => e instanceof DomainError && e.kind === 'conflict' && /already scheduled/.test(e.message),
  );
});
