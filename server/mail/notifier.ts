import { matchLocale } from '../../contract/locales.js';
import type { Notifier } from '../domain/notifier.js';
import { EMAIL_CANCEL_TTL_MS, EMAIL_CHANGE_TTL_MS, maskEmail } from '../domain/email-change.js';
import { LINK_CODE_TTL_MS } from '../auth/sign-in-codes.js';
import type { Merchant } from '../store/schema.js';
import type { Urls } from '../urls.js';
import type { Mailer } from './mailer.js';
import { changedMail, changeRequestedMail, confirmNewAddressMail } from './email-change-mails.js';
import { cancelFeedbackMail, requestMail } from './request-mail.js';
import { signInMail, type RenderedMail } from './templates.js';

const HOURS = 3_600_000;

/**
 * The domain's mail intents, rendered and sent: each mail in the customer's language (the one they
 * last used), in the merchant's brand, replying to the merchant's support address. Mails that
 * carry a link with a code are `sensitive`: the dev outbox keeps them out of the data file.
 */
export function createNotifier(deps: { readonly mailer: Mailer; readonly urls: Urls }): Notifier {
  const toCustomer = (merchant: Merchant, to: string, mail: RenderedMail) =>
    deps.mailer.send({ to, ...mail, fromName: merchant.settings.brand.name, replyTo: merchant.settings.support_email ?? undefined, sensitive: true });
  return {
    async customerRequest({ merchant, customer, request, transaction }) {
      const to = merchant.settings.support_email;
      if (!to) return;
      await deps.mailer.send({ to, ...requestMail(merchant, customer, request, transaction), replyTo: customer.email });
    },
    async cancelFeedback(input) {
      const to = input.merchant.settings.support_email;
      if (!to) return;
      await deps.mailer.send({ to, ...cancelFeedbackMail(input), replyTo: input.customer.email });
    },
    signInLink({ merchant, customer, code, returnUrl, locale }) {
      const url = deps.urls.magicLink(merchant, returnUrl, code);
      return toCustomer(merchant, customer.email, signInMail({ locale: matchLocale(locale, customer.locale), merchant, url, minutes: LINK_CODE_TTL_MS / 60_000 }));
    },
    emailChangeRequested({ merchant, customer, newEmail, cancelCode }) {
      const mail = changeRequestedMail({
        locale: matchLocale(customer.locale),
        merchant,
        hours: EMAIL_CANCEL_TTL_MS / HOURS,
        masked: maskEmail(newEmail),
        url: deps.urls.emailCancel(cancelCode),
      });
      return toCustomer(merchant, customer.email, mail);
    },
    emailChangeConfirmation({ merchant, customer, newEmail, confirmCode }) {
      const mail = confirmNewAddressMail({ locale: matchLocale(customer.locale), merchant, hours: EMAIL_CHANGE_TTL_MS / HOURS, url: deps.urls.emailConfirm(confirmCode) });
      return toCustomer(merchant, newEmail, mail);
    },
    emailChanged({ merchant, customer, previous, cancelCode }) {
      const mail = changedMail({
        locale: matchLocale(customer.locale),
        merchant,
        hours: EMAIL_CANCEL_TTL_MS / HOURS,
        masked: maskEmail(customer.email),
        url: deps.urls.emailCancel(cancelCode),
      });
      return toCustomer(merchant, previous, mail);
    },
  };
}
