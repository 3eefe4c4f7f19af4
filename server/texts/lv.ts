import type { Catalog } from './en.js';

export const lv: Catalog = {
  "subject": "Jūsu {merchant} pieteikšanās saite",
  "intro": {
    "zero": "Izmantojiet tālāk esošo pogu, lai pieteiktos savā {merchant} kontā. Saite darbojas vienu reizi un ir derīga {count} minūtes.",
    "one": "Izmantojiet tālāk esošo pogu, lai pieteiktos savā {merchant} kontā. Saite darbojas vienu reizi un ir derīga {count} minūti.",
    "other": "Izmantojiet tālāk esošo pogu, lai pieteiktos savā {merchant} kontā. Saite darbojas vienu reizi un ir derīga {count} minūtes."
  },
  "button": "Pieteikties",
  "copy": "Ja poga nedarbojas, iekopējiet šo saiti pārlūkprogrammā:",
  "ignore": "Ja šo e-pastu nepieprasījāt, varat to droši ignorēt.",
  "support": "Jautājumi? Rakstiet uz {email}.",
  "linkTitle": "Atveriet savu {merchant} kontu",
  "linkBody": "Turpiniet, lai skatītu un pārvaldītu savus abonementus un maksājumus.",
  "continue": "Turpināt",
  "expiredTitle": "Šīs saites derīgums ir beidzies",
  "expiredBody": {
    "zero": "Pieteikšanās saites darbojas vienu reizi un tikai {count} minūtes. Nosūtiet sev jaunu:",
    "one": "Pieteikšanās saites darbojas vienu reizi un tikai {count} minūti. Nosūtiet sev jaunu:",
    "other": "Pieteikšanās saites darbojas vienu reizi un tikai {count} minūtes. Nosūtiet sev jaunu:"
  },
  "emailLabel": "E-pasta adrese",
  "sendNew": "Nosūtīt man jaunu saiti",
  "loginTitle": "Pieteikšanās: {merchant}",
  "loginBody": "Ievadiet savu e-pasta adresi, un mēs jums nosūtīsim pieteikšanās saiti. Parole nav nepieciešama.",
  "sendLink": "Nosūtīt man pieteikšanās saiti",
  "sentTitle": "Pārbaudiet savu e-pastu",
  "sentBody": {
    "zero": "Ja adresei {email} ir konts, pieteikšanās saite jau ir ceļā. Tā būs derīga {count} minūtes.",
    "one": "Ja adresei {email} ir konts, pieteikšanās saite jau ir ceļā. Tā būs derīga {count} minūti.",
    "other": "Ja adresei {email} ir konts, pieteikšanās saite jau ir ceļā. Tā būs derīga {count} minūtes."
  },
  "signingIn": "Notiek pieteikšanās…",
  "noscript": "Ieslēdziet JavaScript, lai pabeigtu pieteikšanos, vai atveriet saiti vēlreiz.",
  "signOut": "Izrakstīties",
  "tooMany": "Pārāk daudz pieprasījumu. Lūdzu, uzgaidiet dažas minūtes un mēģiniet vēlreiz.",
  "sessionEnded": "Jūsu sesija ir beigusies. Lai turpinātu, piesakieties vēlreiz.",
  "unknownMerchant": "Šī pieteikšanās lapa nav iestatīta. Atveriet to vēlreiz no vietnes, kurā abonējāt.",
  "forbiddenTitle": "Šo veidlapu neizdevās nosūtīt",
  "forbiddenBody": "Tā netika iesniegta no šīs vietnes lapas. Atgriezieties, pārlādējiet lapu un mēģiniet vēlreiz.",
  "continueAs": "Turpināt kā {masked}",
  "magicConfirmBody": "Turpiniet tikai tad, ja šo pieteikšanās saiti pieprasījāt jūs pats. Ja ne, aizveriet šo lapu: nekas nenotiks.",
  "confirmSubject": "Apstipriniet savu jauno {merchant} e-pasta adresi",
  "confirmAsked": "Kāds ir pieprasījis izmantot šo adresi {merchant} kontam.",
  "confirmWithin": {
    "zero": "Apstipriniet to {count} stundu laikā; līdz tam kontam saglabāsies pašreizējā adrese.",
    "one": "Apstipriniet to {count} stundas laikā; līdz tam kontam saglabāsies pašreizējā adrese.",
    "other": "Apstipriniet to {count} stundu laikā; līdz tam kontam saglabāsies pašreizējā adrese."
  },
  "confirmButton": "Apstiprināt jauno adresi",
  "confirmIgnore": "Ja tas nebijāt jūs, ignorējiet šo e-pastu: nekas nemainīsies.",
  "requestedSubject": "Jūsu {merchant} e-pasta adrese tiek mainīta",
  "requestedBody": "Jūsu e-pasta adrese tiek mainīta uz {masked}. Tā mainīsies tikai tad, kad šī adrese to apstiprinās.",
  "requestedWarn": "Ja tas nebijāt jūs, atceliet izmaiņas. Tādējādi tiks izrakstītas arī visas ierīces un saites, kas izmanto jūsu kontu.",
  "cancelButton": "Tas nebiju es — atcelt izmaiņas",
  "requestedNoop": {
    "zero": "Ja tas bijāt jūs, nekas nav jādara. Atcelšanas saite darbojas vienu reizi {count} stundu laikā.",
    "one": "Ja tas bijāt jūs, nekas nav jādara. Atcelšanas saite darbojas vienu reizi {count} stundas laikā.",
    "other": "Ja tas bijāt jūs, nekas nav jādara. Atcelšanas saite darbojas vienu reizi {count} stundu laikā."
  },
  "changedSubject": "Jūsu {merchant} e-pasta adrese ir mainīta",
  "changedBody": "Jūsu {merchant} konta e-pasta adrese ir mainīta uz {masked}. Visas jūsu kontā pieteiktās ierīces tika izrakstītas.",
  "changedWarn": "Ja tas nebijāt jūs, atsauciet izmaiņas: jūsu kontam tiks atgriezta šī adrese, un visi, kas to izmanto, tiks izrakstīti.",
  "undoButton": "Tas nebiju es — atsaukt izmaiņas",
  "changedNoop": {
    "zero": "Ja tas bijāt jūs, nekas nav jādara. Saite darbojas vienu reizi {count} stundu laikā.",
    "one": "Ja tas bijāt jūs, nekas nav jādara. Saite darbojas vienu reizi {count} stundas laikā.",
    "other": "Ja tas bijāt jūs, nekas nav jādara. Saite darbojas vienu reizi {count} stundu laikā."
  },
  "changeExpiredTitle": "Šīs saites derīgums ir beidzies",
  "changeExpiredBody": "Šī saite nav derīga, ir beigusies vai jau izmantota. Pieprasiet jaunu sava konta lapā.",
  "confirmTitle": "Apstipriniet savu jauno e-pasta adresi",
  "confirmQuestion": "Vai izmantot {email} jūsu {merchant} kontam?",
  "changedTitle": "E-pasta adrese mainīta",
  "changedPage": "Jūsu {merchant} konts tagad izmanto {email}. Piesakieties vēlreiz ar šo adresi. Varat aizvērt šo lapu.",
  "inUseTitle": "Adrese jau tiek izmantota",
  "inUseBody": "{email} jau izmanto cits konts pie šī tirgotāja.",
  "cancelTitle": "Vai atcelt e-pasta adreses maiņu?",
  "cancelQuestion": "Vai apturēt jūsu {merchant} konta e-pasta adreses maiņu un izrakstīt visus, kas to izmanto?",
  "undoTitle": "Vai atsaukt e-pasta adreses maiņu?",
  "undoQuestion": "Vai atgriezt jūsu {merchant} kontam šo e-pasta adresi un izrakstīt visus, kas to izmanto?",
  "cancelledTitle": "E-pasta adreses maiņa atcelta",
  "cancelledBody": "Jūsu {merchant} kontam saglabājas šī e-pasta adrese, un visi, kas bija pieteikušies, ir izrakstīti. Varat aizvērt šo lapu."
};
