/**
 * The server's texts in English, the source language: sign-in mails, email-change mails and the
 * hosted pages. Placeholders ({merchant}, {email}, {masked}, {count}) are filled with plain text;
 * HTML escaping happens where the text is placed into markup, never here. Every other catalog
 * carries exactly these keys (a missing one does not compile).
 *
 * An entry with a count is an object of plural forms: `{count}` is the number, and Intl.PluralRules
 * of the catalog's language picks the form (`one`, `other` in English; a catalog has every category
 * its language uses: `zero`, `one`, `two`, `few`, `many`, `other`).
 */
export const en = {
  // Sign-in mails and pages
  subject: 'Your sign-in link for {merchant}',
  intro: {
    one: 'Use the button below to sign in to your {merchant} account. The link works once and expires in {count} minute.',
    other: 'Use the button below to sign in to your {merchant} account. The link works once and expires in {count} minutes.',
  },
  button: 'Sign in',
  copy: "If the button doesn't work, copy this link into your browser:",
  ignore: "If you didn't ask for this email, you can safely ignore it.",
  support: 'Questions? Write to {email}.',
  linkTitle: 'Open your {merchant} account',
  linkBody: 'Continue to see and manage your subscriptions and payments.',
  continue: 'Continue',
  expiredTitle: 'This link has expired',
  expiredBody: {
    one: 'Sign-in links work once and only for {count} minute. Send yourself a new one:',
    other: 'Sign-in links work once and only for {count} minutes. Send yourself a new one:',
  },
  emailLabel: 'Email address',
  sendNew: 'Send me a new link',
  loginTitle: 'Sign in to {merchant}',
  loginBody: "Enter your email address and we'll send you a sign-in link. No password needed.",
  sendLink: 'Email me a sign-in link',
  sentTitle: 'Check your email',
  sentBody: {
    one: 'If an account exists for {email}, a sign-in link is on its way. It expires in {count} minute.',
    other: 'If an account exists for {email}, a sign-in link is on its way. It expires in {count} minutes.',
  },
  signingIn: 'Signing you in…',
  noscript: 'Turn on JavaScript to finish signing in, or open the link again.',
  signOut: 'Sign out',
  tooMany: 'Too many requests. Please wait a few minutes and try again.',
  sessionEnded: 'Your session has ended. Sign in again to continue.',
  unknownMerchant: 'This sign-in page is not set up. Open it again from the site where you subscribed.',
  forbiddenTitle: 'This form could not be sent',
  forbiddenBody: "It did not come from this site's own page. Go back, reload the page and try again.",
  continueAs: 'Continue as {masked}',
  magicConfirmBody: "Continue only if you asked for this sign-in link yourself. If you didn't, close this page: nothing happens.",
  // Email change: mails and the pages their links open
  confirmSubject: 'Confirm your new email address for {merchant}',
  confirmAsked: 'Someone asked to use this address for a {merchant} account.',
  confirmWithin: {
    one: 'Confirm it within {count} hour; until then the account keeps its current address.',
    other: 'Confirm it within {count} hours; until then the account keeps its current address.',
  },
  confirmButton: 'Confirm new address',
  confirmIgnore: 'If this was not you, ignore this email: nothing changes.',
  requestedSubject: 'Your {merchant} email address is being changed',
  requestedBody: 'Your email is being changed to {masked}. It changes only once that address confirms it.',
  requestedWarn: 'If this was not you, cancel the change. That also signs out every device and link using your account.',
  cancelButton: "This wasn't me — cancel the change",
  requestedNoop: {
    one: 'If it was you, there is nothing to do. The cancel link works once, for {count} hour.',
    other: 'If it was you, there is nothing to do. The cancel link works once, for {count} hours.',
  },
  changedSubject: 'Your {merchant} email address was changed',
  changedBody: 'The email address of your {merchant} account was changed to {masked}. Every device signed in to your account was signed out.',
  changedWarn: 'If this was not you, undo the change: your account gets this address back and everyone using it is signed out.',
  undoButton: "This wasn't me — undo the change",
  changedNoop: {
    one: 'If it was you, there is nothing to do. The link works once, for {count} hour.',
    other: 'If it was you, there is nothing to do. The link works once, for {count} hours.',
  },
  changeExpiredTitle: 'This link has expired',
  changeExpiredBody: 'This link is invalid, expired or already used. Ask for a new one from your account page.',
  confirmTitle: 'Confirm your new email address',
  confirmQuestion: 'Use {email} for your {merchant} account?',
  changedTitle: 'Email address changed',
  changedPage: 'Your {merchant} account now uses {email}. Sign in again with it. You can close this page.',
  inUseTitle: 'Address already in use',
  inUseBody: '{email} is already used by another account with this merchant.',
  cancelTitle: 'Cancel the email change?',
  cancelQuestion: "Stop the change of your {merchant} account's email address and sign out everyone using it?",
  undoTitle: 'Undo the email change?',
  undoQuestion: 'Give your {merchant} account back this email address and sign out everyone using it?',
  cancelledTitle: 'Email change cancelled',
  cancelledBody: 'Your {merchant} account keeps this email address, and everyone who was signed in has been signed out. You can close this page.',
  // The hosted test checkout ({product} and {merchant} are names, {price} and {amount} formatted money)
  checkoutSubscribe: 'Subscribe to {product}',
  checkoutBuy: 'Buy {product}',
  checkoutTestMode: 'Test mode: no card is charged. Pay with the test card 4242 4242 4242 4242, any future expiry date and any CVC.',
  pricePerMonth: '{price} per month',
  pricePerThreeMonths: '{price} every 3 months',
  pricePerSixMonths: '{price} every 6 months',
  pricePerYear: '{price} per year',
  priceOnce: '{price}, paid once',
  checkoutTrial: {
    one: 'The first {count} day is free; the first payment is due when it ends.',
    other: 'The first {count} days are free; the first payment is due when they end.',
  },
  checkoutQuantity: 'Quantity',
  checkoutSubtotal: 'Subtotal',
  checkoutDiscount: 'Discount ({code})',
  checkoutTax: 'Tax',
  checkoutTotal: 'Due today',
  nameLabel: 'Name on the card',
  cardLabel: 'Card number',
  expiryLabel: 'Expiry date (MM/YY)',
  cvcLabel: 'Security code (CVC)',
  payButton: 'Pay {amount}',
  trialButton: 'Start the free trial',
  cardDeclined: 'The card was declined. Try another card.',
  cardInsufficient: 'The card has insufficient funds. Try another card.',
  cardCvcWrong: "The card's security code is incorrect.",
  cardExpired: 'The card has expired. Try another card.',
  cardNotTest: 'This is not a test card. In test mode, pay with 4242 4242 4242 4242.',
  expiryInvalid: 'Enter an expiry date in the future, as MM/YY.',
  cvcInvalid: 'Enter the 3 or 4 digits of the security code.',
  emailInvalid: 'Enter a valid email address.',
  paidTitle: 'Payment complete',
  paidBody: 'Thank you. {product} is yours; the receipt goes to {email}.',
  backToMerchant: 'Back to {merchant}',
  priceChanged: 'The price changed since this page was opened (a discount is no longer valid). Check the new total and pay again.',
  checkoutGoneTitle: 'This checkout is no longer open',
  checkoutGoneBody: 'It expired or the product is no longer sold. Go back to {merchant} and start again.',
};

/** A count's text by plural category; `other` is always there. */
export type PluralText = { [C in Intl.LDMLPluralRule]?: string } & { other: string };

export type TextKey = keyof typeof en;
/** A catalog: a string where English has one, plural forms where English has them. */
export type Catalog = { [K in TextKey]: (typeof en)[K] extends string ? string : PluralText };
