import { brandedMail, type RenderedMail } from './templates.js';
import type { Merchant } from '../store/schema.js';

/**
 * The email-change mails. English only: the sign-in message catalogue (messages.ts) requires
 * every key in all ten languages, and these texts have no translations yet.
 * None of them names the other address in full: the new address never learns the old one, and
 * the old one sees only a masked new one.
 */

interface Common {
  merchant: Merchant;
  hours: number;
}

/** To the NEW address: proves the person asking owns it. */
export function confirmNewAddressMail(opts: Common & { url: string }): RenderedMail {
  const brand = opts.merchant.settings.brand.name;
  return brandedMail({
    locale: 'en',
    merchant: opts.merchant,
    subject: `Confirm your new email address for ${brand}`,
    paragraphs: [
      `Someone asked to use this address for a ${brand} account.`,
      `Confirm it within ${opts.hours} hours; until then the account keeps its current address.`,
    ],
    button: { label: 'Confirm new address', url: opts.url },
    footnotes: ['If this was not you, ignore this email: nothing changes.'],
  });
}

/** To the OLD address, when a change is asked for: the owner can stop it. */
export function changeRequestedMail(opts: Common & { masked: string; url: string }): RenderedMail {
  const brand = opts.merchant.settings.brand.name;
  return brandedMail({
    locale: 'en',
    merchant: opts.merchant,
    subject: `Your ${brand} email address is being changed`,
    paragraphs: [
      `Your email is being changed to ${opts.masked}. It changes only once that address confirms it.`,
      'If this was not you, cancel the change. That also signs out every device and link using your account.',
    ],
    button: { label: "This wasn't me — cancel the change", url: opts.url },
    footnotes: [`If it was you, there is nothing to do. The cancel link works once, for ${opts.hours} hours.`],
  });
}

/** To the OLD address, once the change is confirmed: the owner can still undo it. */
export function changedMail(opts: Common & { masked: string; url: string }): RenderedMail {
  const brand = opts.merchant.settings.brand.name;
  return brandedMail({
    locale: 'en',
    merchant: opts.merchant,
    subject: `Your ${brand} email address was changed`,
    paragraphs: [
      `The email address of your ${brand} account was changed to ${opts.masked}. Every device signed in to your account was signed out.`,
      'If this was not you, undo the change: your account gets this address back and everyone using it is signed out.',
    ],
    button: { label: "This wasn't me — undo the change", url: opts.url },
    footnotes: [`If it was you, there is nothing to do. The link works once, for ${opts.hours} hours.`],
  });
}
