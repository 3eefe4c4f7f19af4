import type { ChangePreview, ChangeRequest, PortalSubscription, PortalTransaction } from '../contract/portal.js';
import type { CancelMode, CancelReason } from '../contract/values.js';

/** The element's types that its views share too; views import this, never the element. */

export type View = 'subscriptions' | 'payments' | 'billing';
export type Flow = 'cancel' | 'switch' | 'units' | 'pause';
export type Theme = 'light' | 'dark' | 'auto';

const FLOWS: readonly string[] = ['cancel', 'switch', 'units', 'pause'] satisfies Flow[];
/** An attribute can hold any string: only a known flow opens a sheet. */
export const isFlow = (value: unknown): value is Flow => FLOWS.includes(value as string);

/** The cancel survey's answers, kept while the customer goes to the confirmation and back. */
export interface CancelAnswers {
  reason: CancelReason;
  mode: CancelMode;
  comment: string;
}

/** The manage sheet of one subscription: each step with exactly the data it shows. */
export type SubscriptionSheet =
  | { step: 'menu'; sub: PortalSubscription }
  | { step: 'pause'; sub: PortalSubscription }
  | { step: 'units'; sub: PortalSubscription }
  /** `unchosen`: "Preview change" was pressed without choosing another plan. */
  | { step: 'switch'; sub: PortalSubscription; unchosen?: boolean }
  | { step: 'cancel'; sub: PortalSubscription; answers?: CancelAnswers }
  | { step: 'confirm'; sub: PortalSubscription; answers: CancelAnswers }
  | { step: 'preview'; sub: PortalSubscription; change: ChangeRequest; preview: ChangePreview; from: 'switch' | 'units' };

/** The sheet of one payment, or of a support message about none. */
export type PaymentSheet =
  | { step: 'details'; tx: PortalTransaction }
  | { step: 'receipt'; tx: PortalTransaction }
  | { step: 'invoice'; tx: PortalTransaction }
  | { step: 'refund'; tx: PortalTransaction }
  | { step: 'support'; tx?: PortalTransaction }
  | { step: 'done'; tx?: PortalTransaction; text: string };

export type Sheet = SubscriptionSheet | PaymentSheet;

/** One step of a sheet, by name: `SheetStep<'confirm'>`. */
export type SheetStep<S extends Sheet['step']> = Extract<Sheet, { step: S }>;

export const isSubscriptionSheet = (sheet: Sheet): sheet is SubscriptionSheet => 'sub' in sheet;

/** What every view shows besides its data. */
export interface ViewState {
  /** The formatting locale (exact regional tag). */
  locale: string;
  /** A change is on its way: its buttons are disabled. */
  busy: boolean;
  /** Why the last change failed, or ''. */
  problem: string;
}
