/**
 * The countries a billing address can be in: the ISO 3166-1 alpha-2 codes, and XK (Kosovo), which
 * payment providers use. Their names come from Intl.DisplayNames in the customer's language. The
 * server validates billing countries against this list; the element fetches it, with the hints,
 * as `/widget/countries.json` (written by scripts/write-locales.mjs) when the billing form opens,
 * so none of it weighs on the bundle.
 */
export const COUNTRIES: readonly string[] = [
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ',
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM',
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS',
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN',
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ',
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM',
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV',
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI',
  'VN VU WF WS XK YE YT ZA ZM ZW',
].join(' ').split(' ');

/**
 * What a postal code and a tax ID look like in the largest markets: [postal code, tax ID], shown
 * as examples beside the fields once the country is chosen.
 */
export const COUNTRY_HINTS: Record<string, [postalCode: string, taxId: string]> = {
  US: ['94103', '12-3456789'],
  CA: ['K1A 0B1', '123456789RT0001'],
  MX: ['06600', 'ABC680524P76'],
  BR: ['01310-100', '12.345.678/0001-90'],
  GB: ['SW1A 1AA', 'GB123456789'],
  IE: ['D02 X285', 'IE1234567WA'],
  DE: ['10115', 'DE123456789'],
  AT: ['1010', 'ATU12345678'],
  CH: ['8001', 'CHE-123.456.789 MWST'],
  FR: ['75001', 'FR12345678901'],
  BE: ['1000', 'BE0123456789'],
  NL: ['1012 AB', 'NL123456789B01'],
  ES: ['28001', 'ESA12345678'],
  PT: ['1000-001', 'PT123456789'],
  IT: ['00184', 'IT12345678901'],
  PL: ['00-001', 'PL1234567890'],
  SE: ['111 22', 'SE123456789001'],
  DK: ['1050', 'DK12345678'],
  NO: ['0150', 'NO123456789MVA'],
  FI: ['00100', 'FI12345678'],
  IN: ['110001', '22AAAAA0000A1Z5'],
  JP: ['100-0001', 'T1234567890123'],
  KR: ['03187', '123-45-67890'],
  AU: ['2000', '12 345 678 901'],
  NZ: ['6011', '123-456-789'],
};

/** The shape of `/widget/countries.json`. */
export interface CountryData {
  codes: readonly string[];
  hints: Record<string, [postalCode: string, taxId: string]>;
}
