import type { Catalog } from './en.js';

export const fil: Catalog = {
  "subject": "Ang inyong sign-in link para sa {merchant}",
  "intro": {
    "one": "Gamitin ang button sa ibaba para mag-sign in sa inyong {merchant} account. Isang beses lang gagana ang link at mag-e-expire ito sa loob ng {count} minuto.",
    "other": "Gamitin ang button sa ibaba para mag-sign in sa inyong {merchant} account. Isang beses lang gagana ang link at mag-e-expire ito sa loob ng {count} minuto."
  },
  "button": "Mag-sign in",
  "copy": "Kung hindi gumagana ang button, kopyahin ang link na ito sa inyong browser:",
  "ignore": "Kung hindi kayo humiling ng email na ito, maaari ninyo itong balewalain.",
  "support": "May tanong? Sumulat sa {email}.",
  "linkTitle": "Buksan ang inyong {merchant} account",
  "linkBody": "Magpatuloy para makita at mapamahalaan ang inyong mga subscription at bayad.",
  "continue": "Magpatuloy",
  "expiredTitle": "Nag-expire na ang link na ito",
  "expiredBody": {
    "one": "Isang beses lang gumagana ang mga sign-in link at sa loob lamang ng {count} minuto. Magpadala ng bago sa inyong sarili:",
    "other": "Isang beses lang gumagana ang mga sign-in link at sa loob lamang ng {count} minuto. Magpadala ng bago sa inyong sarili:"
  },
  "emailLabel": "Email address",
  "sendNew": "Padalhan ako ng bagong link",
  "loginTitle": "Mag-sign in sa {merchant}",
  "loginBody": "Ilagay ang inyong email address at padadalhan namin kayo ng sign-in link. Hindi kailangan ng password.",
  "sendLink": "I-email sa akin ang sign-in link",
  "sentTitle": "Tingnan ang inyong email",
  "sentBody": {
    "one": "Kung may account para sa {email}, papunta na ang sign-in link. Mag-e-expire ito sa loob ng {count} minuto.",
    "other": "Kung may account para sa {email}, papunta na ang sign-in link. Mag-e-expire ito sa loob ng {count} minuto."
  },
  "signingIn": "Sina-sign in kayo…",
  "noscript": "I-on ang JavaScript para matapos ang pag-sign in, o buksan muli ang link.",
  "signOut": "Mag-sign out",
  "tooMany": "Masyadong maraming request. Maghintay ng ilang minuto at subukang muli.",
  "sessionEnded": "Natapos na ang inyong session. Mag-sign in muli para magpatuloy.",
  "unknownMerchant": "Hindi pa naka-set up ang sign-in page na ito. Buksan ito muli mula sa site kung saan kayo nag-subscribe.",
  "forbiddenTitle": "Hindi maipadala ang form na ito",
  "forbiddenBody": "Hindi ito nagmula sa sariling page ng site na ito. Bumalik, i-reload ang page at subukang muli.",
  "continueAs": "Magpatuloy bilang {masked}",
  "magicConfirmBody": "Magpatuloy lamang kung kayo mismo ang humiling ng sign-in link na ito. Kung hindi, isara ang page na ito: walang mangyayari.",
  "confirmSubject": "Kumpirmahin ang inyong bagong email address para sa {merchant}",
  "confirmAsked": "May humiling na gamitin ang address na ito para sa isang {merchant} account.",
  "confirmWithin": {
    "one": "Kumpirmahin ito sa loob ng {count} oras; hanggang doon, mananatili ang kasalukuyang address ng account.",
    "other": "Kumpirmahin ito sa loob ng {count} oras; hanggang doon, mananatili ang kasalukuyang address ng account."
  },
  "confirmButton": "Kumpirmahin ang bagong address",
  "confirmIgnore": "Kung hindi kayo ito, balewalain ang email na ito: walang magbabago.",
  "requestedSubject": "Binabago ang inyong {merchant} email address",
  "requestedBody": "Binabago ang inyong email sa {masked}. Magbabago lamang ito kapag nakumpirma na ng address na iyon.",
  "requestedWarn": "Kung hindi kayo ito, kanselahin ang pagbabago. Masa-sign out din nito ang bawat device at link na gumagamit ng inyong account.",
  "cancelButton": "Hindi ako ito — kanselahin ang pagbabago",
  "requestedNoop": {
    "one": "Kung kayo ito, wala kayong kailangang gawin. Isang beses lang gagana ang cancel link, sa loob ng {count} oras.",
    "other": "Kung kayo ito, wala kayong kailangang gawin. Isang beses lang gagana ang cancel link, sa loob ng {count} oras."
  },
  "changedSubject": "Binago ang inyong {merchant} email address",
  "changedBody": "Binago sa {masked} ang email address ng inyong {merchant} account. Na-sign out ang bawat device na naka-sign in sa inyong account.",
  "changedWarn": "Kung hindi kayo ito, i-undo ang pagbabago: maibabalik sa inyong account ang address na ito at masa-sign out ang lahat ng gumagamit nito.",
  "undoButton": "Hindi ako ito — i-undo ang pagbabago",
  "changedNoop": {
    "one": "Kung kayo ito, wala kayong kailangang gawin. Isang beses lang gagana ang link, sa loob ng {count} oras.",
    "other": "Kung kayo ito, wala kayong kailangang gawin. Isang beses lang gagana ang link, sa loob ng {count} oras."
  },
  "changeExpiredTitle": "Nag-expire na ang link na ito",
  "changeExpiredBody": "Invalid, expired o nagamit na ang link na ito. Humiling ng bago mula sa page ng inyong account.",
  "confirmTitle": "Kumpirmahin ang inyong bagong email address",
  "confirmQuestion": "Gamitin ang {email} para sa inyong {merchant} account?",
  "changedTitle": "Nabago ang email address",
  "changedPage": "Gumagamit na ngayon ang inyong {merchant} account ng {email}. Mag-sign in muli gamit ito. Maaari na ninyong isara ang page na ito.",
  "inUseTitle": "Ginagamit na ang address",
  "inUseBody": "Ginagamit na ang {email} ng ibang account sa merchant na ito.",
  "cancelTitle": "Kanselahin ang pagbabago ng email?",
  "cancelQuestion": "Ihinto ang pagbabago ng email address ng inyong {merchant} account at i-sign out ang lahat ng gumagamit nito?",
  "undoTitle": "I-undo ang pagbabago ng email?",
  "undoQuestion": "Ibalik sa inyong {merchant} account ang email address na ito at i-sign out ang lahat ng gumagamit nito?",
  "cancelledTitle": "Kinansela ang pagbabago ng email",
  "cancelledBody": "Mananatili sa inyong {merchant} account ang email address na ito, at na-sign out na ang lahat ng naka-sign in. Maaari na ninyong isara ang page na ito."
};
