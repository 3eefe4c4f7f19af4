import type { Catalog } from './en.js';

export const sw: Catalog = {
  "subject": "Kiungo chako cha kuingia kwenye {merchant}",
  "intro": {
    "one": "Tumia kitufe kilicho hapa chini kuingia kwenye akaunti yako ya {merchant}. Kiungo kinafanya kazi mara moja tu na kinaisha muda baada ya dakika {count}.",
    "other": "Tumia kitufe kilicho hapa chini kuingia kwenye akaunti yako ya {merchant}. Kiungo kinafanya kazi mara moja tu na kinaisha muda baada ya dakika {count}."
  },
  "button": "Ingia",
  "copy": "Ikiwa kitufe hakifanyi kazi, nakili kiungo hiki kwenye kivinjari chako:",
  "ignore": "Ikiwa hukuomba barua pepe hii, unaweza kuipuuza bila wasiwasi.",
  "support": "Una maswali? Andika kwa {email}.",
  "linkTitle": "Fungua akaunti yako ya {merchant}",
  "linkBody": "Endelea ili kuona na kudhibiti usajili na malipo yako.",
  "continue": "Endelea",
  "expiredTitle": "Kiungo hiki kimeisha muda",
  "expiredBody": {
    "one": "Viungo vya kuingia hufanya kazi mara moja tu na kwa dakika {count} pekee. Jitumie kiungo kipya:",
    "other": "Viungo vya kuingia hufanya kazi mara moja tu na kwa dakika {count} pekee. Jitumie kiungo kipya:"
  },
  "emailLabel": "Anwani ya barua pepe",
  "sendNew": "Nitumie kiungo kipya",
  "loginTitle": "Ingia kwenye {merchant}",
  "loginBody": "Weka anwani yako ya barua pepe nasi tutakutumia kiungo cha kuingia. Hakuna nenosiri linalohitajika.",
  "sendLink": "Nitumie kiungo cha kuingia kwa barua pepe",
  "sentTitle": "Angalia barua pepe yako",
  "sentBody": {
    "one": "Ikiwa kuna akaunti ya {email}, kiungo cha kuingia kiko njiani. Kitaisha muda baada ya dakika {count}.",
    "other": "Ikiwa kuna akaunti ya {email}, kiungo cha kuingia kiko njiani. Kitaisha muda baada ya dakika {count}."
  },
  "signingIn": "Tunakuingiza…",
  "noscript": "Washa JavaScript ili kukamilisha kuingia, au fungua kiungo tena.",
  "signOut": "Toka",
  "tooMany": "Maombi ni mengi mno. Tafadhali subiri dakika chache kisha ujaribu tena.",
  "sessionEnded": "Kipindi chako kimeisha. Ingia tena ili kuendelea.",
  "unknownMerchant": "Ukurasa huu wa kuingia haujawekwa. Ufungue tena kutoka kwenye tovuti ulipojisajili.",
  "forbiddenTitle": "Fomu hii haikuweza kutumwa",
  "forbiddenBody": "Haikutoka kwenye ukurasa wa tovuti hii yenyewe. Rudi nyuma, pakia upya ukurasa kisha ujaribu tena.",
  "continueAs": "Endelea kama {masked}",
  "magicConfirmBody": "Endelea tu ikiwa wewe mwenyewe uliomba kiungo hiki cha kuingia. Ikiwa hukuomba, funga ukurasa huu: hakuna kitakachotokea.",
  "confirmSubject": "Thibitisha anwani yako mpya ya barua pepe ya {merchant}",
  "confirmAsked": "Mtu ameomba kutumia anwani hii kwa akaunti ya {merchant}.",
  "confirmWithin": {
    "one": "Ithibitishe ndani ya saa moja; hadi wakati huo akaunti itaendelea kutumia anwani yake ya sasa.",
    "other": "Ithibitishe ndani ya saa {count}; hadi wakati huo akaunti itaendelea kutumia anwani yake ya sasa."
  },
  "confirmButton": "Thibitisha anwani mpya",
  "confirmIgnore": "Ikiwa si wewe, puuza barua pepe hii: hakuna kitakachobadilika.",
  "requestedSubject": "Anwani yako ya barua pepe ya {merchant} inabadilishwa",
  "requestedBody": "Barua pepe yako inabadilishwa kuwa {masked}. Itabadilika tu baada ya anwani hiyo kuthibitisha.",
  "requestedWarn": "Ikiwa si wewe, ghairi mabadiliko. Hii pia itaondoa kila kifaa na kiungo kinachotumia akaunti yako.",
  "cancelButton": "Si mimi — ghairi mabadiliko",
  "requestedNoop": {
    "one": "Ikiwa ni wewe, huhitaji kufanya chochote. Kiungo cha kughairi kinafanya kazi mara moja, kwa saa moja.",
    "other": "Ikiwa ni wewe, huhitaji kufanya chochote. Kiungo cha kughairi kinafanya kazi mara moja, kwa saa {count}."
  },
  "changedSubject": "Anwani yako ya barua pepe ya {merchant} imebadilishwa",
  "changedBody": "Anwani ya barua pepe ya akaunti yako ya {merchant} imebadilishwa kuwa {masked}. Kila kifaa kilichoingia kwenye akaunti yako kimeondolewa.",
  "changedWarn": "Ikiwa si wewe, tengua mabadiliko: akaunti yako itarudishiwa anwani hii na kila mtu anayeitumia ataondolewa.",
  "undoButton": "Si mimi — tengua mabadiliko",
  "changedNoop": {
    "one": "Ikiwa ni wewe, huhitaji kufanya chochote. Kiungo kinafanya kazi mara moja, kwa saa moja.",
    "other": "Ikiwa ni wewe, huhitaji kufanya chochote. Kiungo kinafanya kazi mara moja, kwa saa {count}."
  },
  "changeExpiredTitle": "Kiungo hiki kimeisha muda",
  "changeExpiredBody": "Kiungo hiki si sahihi, kimeisha muda au kimeshatumika. Omba kingine kutoka kwenye ukurasa wa akaunti yako.",
  "confirmTitle": "Thibitisha anwani yako mpya ya barua pepe",
  "confirmQuestion": "Tumia {email} kwa akaunti yako ya {merchant}?",
  "changedTitle": "Anwani ya barua pepe imebadilishwa",
  "changedPage": "Akaunti yako ya {merchant} sasa inatumia {email}. Ingia tena ukitumia anwani hiyo. Unaweza kufunga ukurasa huu.",
  "inUseTitle": "Anwani tayari inatumika",
  "inUseBody": "{email} tayari inatumiwa na akaunti nyingine kwa mfanyabiashara huyu.",
  "cancelTitle": "Ghairi mabadiliko ya barua pepe?",
  "cancelQuestion": "Sitisha mabadiliko ya anwani ya barua pepe ya akaunti yako ya {merchant} na uondoe kila mtu anayeitumia?",
  "undoTitle": "Tengua mabadiliko ya barua pepe?",
  "undoQuestion": "Rudisha anwani hii ya barua pepe kwenye akaunti yako ya {merchant} na uondoe kila mtu anayeitumia?",
  "cancelledTitle": "Mabadiliko ya barua pepe yameghairiwa",
  "cancelledBody": "Akaunti yako ya {merchant} inaendelea kutumia anwani hii ya barua pepe, na kila aliyekuwa ameingia ameondolewa. Unaweza kufunga ukurasa huu."
};
