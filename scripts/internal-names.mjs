// Property names the element uses among its own modules only: view props, callbacks and internal
// state. The widget build renames them (rolldown's mangleProps), as the minifier already does for
// variables and #private members: about 160 B gzip off the bundle. A name goes here only if nothing
// outside the bundle reads it: no DOM or Intl property, no field or enum value of the portal API,
// no public property of the element (test/server/internal-names.test.ts and
// test/element/bundle.test.ts check all three). A name missing here costs bytes, nothing else.
export const INTERNAL_NAMES = [
  'viewState',
  'draftCountry',
  'pickCountry',
  'manageUrl',
  'requestLink',
  'copyDetails',
  'saveBilling',
  'manageBilling',
  'offerLink',
  'merchantName',
  'requestInvoice',
  'requestRefund',
  'contactSupport',
  'signIn',
  'problem',
  'busy',
  'restart',
  'offered',
  'checking',
  'deepLinked',
  'unchosen',
  'answers',
  'requestMagicLink',
  'previewSession',
  'exchangeSession',
  'updateBilling',
  'manageLink',
  'say',
  'seats',
  'live',
  'countries',
];
