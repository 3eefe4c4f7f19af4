import { brandedMail, type RenderedMail } from './templates.js';
import { text } from '../texts/index.js';
import type { Locale } from '../../contract/locales.js';
import type { Merchant } from '../store/schema.js';

/**
 * The email-change mails, in the customer's language (texts in email-change-messages.ts).
 * None of them names the other address in full: the new address never learns the old one, and
 * the old one sees only a masked new one.
 */

interface Common {
  locale: Locale;
  merchant: Merchant;
  hours: number;
}

/** To the NEW address: proves the person asking owns it. */
export function confirmNewAddressMail(opts: Common & { url: string }): RenderedMail {
  const { locale, hours } = opts;
  const merchant = opts.merchant.settings.brand.name;
  return brandedMail({
    locale,
    merchant: opts.merchant,
    subject: text(locale, 'confirmSubject', { merchant }),
    paragraphs: [text(locale, 'confirmAsked', { merchant }), text(locale, 'confirmWithin', { count: hours })],
    button: { label: text(locale, 'confirmButton'), url: opts.url },
    footnotes: [text(locale, 'confirmIgnore')],
  });
}

/** To the OLD address, when a change is asked for: the owner can stop it. */
export function changeRequestedMail(opts: Common & { masked: string; url: string }): RenderedMail {
  const { locale, hours, masked } = opts;
  const merchant = opts.merchant.settings.brand.name;
  return brandedMail({
    locale,
    merchant: opts.merchant,
    subject: text(locale, 'requestedSubject', { merchant }),
    paragraphs: [text(locale, 'requestedBody', { masked }), text(locale, 'requestedWarn')],
    button: { label: text(locale, 'cancelButton'), url: opts.url },
    footnotes: [text(locale, 'requestedNoop', { count: hours })],
  });
}

/** To the OLD address, once the change is confirmed: the owner can still undo it. */
export function changedMail(opts: Common & { masked: string; url: string }): RenderedMail {
  const { locale, hours, masked } = opts;
  const merchant = opts.merchant.settings.brand.name;
  return brandedMail({
    locale,
    merchant: opts.merchant,
    subject: text(locale, 'changedSubject', { merchant }),
    paragraphs: [text(locale, 'changedBody', { merchant, masked }), text(locale, 'changedWarn')],
    button: { label: text(locale, 'undoButton'), url: opts.url },
    footnotes: [text(locale, 'changedNoop', { count: hours })],
  });
}
