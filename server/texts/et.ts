import type { Catalog } from './en.js';

export const et: Catalog = {
  "subject": "Teie sisselogimislink – {merchant}",
  "intro": {
    "one": "Kasutage allolevat nuppu, et logida sisse oma {merchant} kontole. Link töötab ühe korra ja aegub {count} minuti pärast.",
    "other": "Kasutage allolevat nuppu, et logida sisse oma {merchant} kontole. Link töötab ühe korra ja aegub {count} minuti pärast."
  },
  "button": "Logi sisse",
  "copy": "Kui nupp ei tööta, kopeerige see link oma brauserisse:",
  "ignore": "Kui te seda e-kirja ei taotlenud, võite selle rahulikult tähelepanuta jätta.",
  "support": "Küsimusi? Kirjutage aadressile {email}.",
  "linkTitle": "Avage oma {merchant} konto",
  "linkBody": "Jätkake, et näha ja hallata oma tellimusi ja makseid.",
  "continue": "Jätka",
  "expiredTitle": "See link on aegunud",
  "expiredBody": {
    "one": "Sisselogimislingid töötavad ainult ühe korra ja ainult {count} minut. Saatke endale uus:",
    "other": "Sisselogimislingid töötavad ainult ühe korra ja ainult {count} minutit. Saatke endale uus:"
  },
  "emailLabel": "E-posti aadress",
  "sendNew": "Saada mulle uus link",
  "loginTitle": "Logige sisse: {merchant}",
  "loginBody": "Sisestage oma e-posti aadress ja me saadame teile sisselogimislingi. Parooli pole vaja.",
  "sendLink": "Saada mulle sisselogimislink",
  "sentTitle": "Kontrollige oma e-posti",
  "sentBody": {
    "one": "Kui aadressiga {email} on seotud konto, on sisselogimislink teel. See aegub {count} minuti pärast.",
    "other": "Kui aadressiga {email} on seotud konto, on sisselogimislink teel. See aegub {count} minuti pärast."
  },
  "signingIn": "Teid logitakse sisse…",
  "noscript": "Sisselogimise lõpetamiseks lubage JavaScript või avage link uuesti.",
  "signOut": "Logi välja",
  "tooMany": "Liiga palju päringuid. Oodake mõni minut ja proovige uuesti.",
  "sessionEnded": "Teie seanss on lõppenud. Jätkamiseks logige uuesti sisse.",
  "unknownMerchant": "See sisselogimisleht pole seadistatud. Avage see uuesti saidilt, kus tellimuse vormistasite.",
  "forbiddenTitle": "Seda vormi ei õnnestunud saata",
  "forbiddenBody": "See ei pärinenud selle saidi enda lehelt. Minge tagasi, laadige leht uuesti ja proovige uuesti.",
  "continueAs": "Jätka kasutajana {masked}",
  "magicConfirmBody": "Jätkake ainult siis, kui taotlesite selle sisselogimislingi ise. Kui mitte, sulgege see leht: midagi ei juhtu.",
  "confirmSubject": "Kinnitage oma uus e-posti aadress – {merchant}",
  "confirmAsked": "Keegi soovis kasutada seda aadressi {merchant} konto jaoks.",
  "confirmWithin": {
    "one": "Kinnitage see {count} tunni jooksul; seni säilib kontol praegune aadress.",
    "other": "Kinnitage see {count} tunni jooksul; seni säilib kontol praegune aadress."
  },
  "confirmButton": "Kinnita uus aadress",
  "confirmIgnore": "Kui see polnud teie, jätke see e-kiri tähelepanuta: midagi ei muutu.",
  "requestedSubject": "Teie {merchant} konto e-posti aadressi muudetakse",
  "requestedBody": "Teie e-posti aadress muudetakse aadressiks {masked}. Muudatus jõustub alles siis, kui see aadress on selle kinnitanud.",
  "requestedWarn": "Kui see polnud teie, tühistage muudatus. Sellega logitakse välja ka kõik seadmed ja lingid, mis teie kontot kasutavad.",
  "cancelButton": "See polnud mina – tühista muudatus",
  "requestedNoop": {
    "one": "Kui see olite teie, ei pea te midagi tegema. Tühistamislink töötab ühe korra, {count} tunni jooksul.",
    "other": "Kui see olite teie, ei pea te midagi tegema. Tühistamislink töötab ühe korra, {count} tunni jooksul."
  },
  "changedSubject": "Teie {merchant} konto e-posti aadress on muudetud",
  "changedBody": "Teie {merchant} konto e-posti aadress muudeti aadressiks {masked}. Kõik teie kontole sisse logitud seadmed logiti välja.",
  "changedWarn": "Kui see polnud teie, võtke muudatus tagasi: teie konto saab selle aadressi tagasi ja kõik, kes seda kasutavad, logitakse välja.",
  "undoButton": "See polnud mina – võta muudatus tagasi",
  "changedNoop": {
    "one": "Kui see olite teie, ei pea te midagi tegema. Link töötab ühe korra, {count} tunni jooksul.",
    "other": "Kui see olite teie, ei pea te midagi tegema. Link töötab ühe korra, {count} tunni jooksul."
  },
  "changeExpiredTitle": "See link on aegunud",
  "changeExpiredBody": "See link on kehtetu, aegunud või juba kasutatud. Taotlege uus oma konto lehelt.",
  "confirmTitle": "Kinnitage oma uus e-posti aadress",
  "confirmQuestion": "Kas kasutada aadressi {email} teie {merchant} konto jaoks?",
  "changedTitle": "E-posti aadress on muudetud",
  "changedPage": "Teie {merchant} konto kasutab nüüd aadressi {email}. Logige sellega uuesti sisse. Võite selle lehe sulgeda.",
  "inUseTitle": "Aadress on juba kasutusel",
  "inUseBody": "Aadressi {email} kasutab juba selle kaupmehe juures teine konto.",
  "cancelTitle": "Kas tühistada e-posti aadressi muutmine?",
  "cancelQuestion": "Kas peatada teie {merchant} konto e-posti aadressi muutmine ja logida välja kõik, kes kontot kasutavad?",
  "undoTitle": "Kas võtta e-posti aadressi muutmine tagasi?",
  "undoQuestion": "Kas anda teie {merchant} kontole see e-posti aadress tagasi ja logida välja kõik, kes kontot kasutavad?",
  "cancelledTitle": "E-posti aadressi muutmine on tühistatud",
  "cancelledBody": "Teie {merchant} konto säilitab selle e-posti aadressi ja kõik sisselogitud kasutajad on välja logitud. Võite selle lehe sulgeda."
};
