import type { Catalog } from './en.js';

export const sv: Catalog = {
  "subject": "Din inloggningslänk för {merchant}",
  "intro": {
    "one": "Använd knappen nedan för att logga in på ditt {merchant}-konto. Länken fungerar en gång och går ut om {count} minut.",
    "other": "Använd knappen nedan för att logga in på ditt {merchant}-konto. Länken fungerar en gång och går ut om {count} minuter."
  },
  "button": "Logga in",
  "copy": "Om knappen inte fungerar kopierar du den här länken till din webbläsare:",
  "ignore": "Om du inte har begärt det här mejlet kan du lugnt ignorera det.",
  "support": "Frågor? Skriv till {email}.",
  "linkTitle": "Öppna ditt {merchant}-konto",
  "linkBody": "Fortsätt för att se och hantera dina prenumerationer och betalningar.",
  "continue": "Fortsätt",
  "expiredTitle": "Länken har gått ut",
  "expiredBody": {
    "one": "Inloggningslänkar fungerar en gång och bara i {count} minut. Skicka en ny till dig själv:",
    "other": "Inloggningslänkar fungerar en gång och bara i {count} minuter. Skicka en ny till dig själv:"
  },
  "emailLabel": "E-postadress",
  "sendNew": "Skicka en ny länk till mig",
  "loginTitle": "Logga in på {merchant}",
  "loginBody": "Ange din e-postadress så skickar vi en inloggningslänk. Inget lösenord behövs.",
  "sendLink": "Skicka en inloggningslänk till mig",
  "sentTitle": "Kontrollera din e-post",
  "sentBody": {
    "one": "Om det finns ett konto för {email} är en inloggningslänk på väg. Den går ut om {count} minut.",
    "other": "Om det finns ett konto för {email} är en inloggningslänk på väg. Den går ut om {count} minuter."
  },
  "signingIn": "Du loggas in…",
  "noscript": "Aktivera JavaScript för att slutföra inloggningen, eller öppna länken igen.",
  "signOut": "Logga ut",
  "tooMany": "För många förfrågningar. Vänta några minuter och försök igen.",
  "sessionEnded": "Din session har avslutats. Logga in igen för att fortsätta.",
  "unknownMerchant": "Den här inloggningssidan är inte konfigurerad. Öppna den igen från webbplatsen där du tecknade prenumerationen.",
  "forbiddenTitle": "Formuläret kunde inte skickas",
  "forbiddenBody": "Det kom inte från webbplatsens egen sida. Gå tillbaka, läs in sidan igen och försök på nytt.",
  "continueAs": "Fortsätt som {masked}",
  "magicConfirmBody": "Fortsätt bara om du själv har begärt den här inloggningslänken. Om inte, stäng den här sidan: ingenting händer.",
  "confirmSubject": "Bekräfta din nya e-postadress för {merchant}",
  "confirmAsked": "Någon har begärt att använda den här adressen för ett {merchant}-konto.",
  "confirmWithin": {
    "one": "Bekräfta den inom {count} timme. Fram till dess behåller kontot sin nuvarande adress.",
    "other": "Bekräfta den inom {count} timmar. Fram till dess behåller kontot sin nuvarande adress."
  },
  "confirmButton": "Bekräfta ny adress",
  "confirmIgnore": "Om det inte var du kan du ignorera det här mejlet: ingenting ändras.",
  "requestedSubject": "E-postadressen för ditt {merchant}-konto håller på att ändras",
  "requestedBody": "Din e-postadress ändras till {masked}. Ändringen gäller först när den adressen har bekräftat den.",
  "requestedWarn": "Om det inte var du, avbryt ändringen. Då loggas också alla enheter och länkar som använder ditt konto ut.",
  "cancelButton": "Det var inte jag – avbryt ändringen",
  "requestedNoop": {
    "one": "Om det var du behöver du inte göra något. Länken för att avbryta fungerar en gång, i {count} timme.",
    "other": "Om det var du behöver du inte göra något. Länken för att avbryta fungerar en gång, i {count} timmar."
  },
  "changedSubject": "E-postadressen för ditt {merchant}-konto har ändrats",
  "changedBody": "E-postadressen för ditt {merchant}-konto har ändrats till {masked}. Alla enheter som var inloggade på ditt konto har loggats ut.",
  "changedWarn": "Om det inte var du, ångra ändringen: ditt konto får tillbaka den här adressen och alla som använder det loggas ut.",
  "undoButton": "Det var inte jag – ångra ändringen",
  "changedNoop": {
    "one": "Om det var du behöver du inte göra något. Länken fungerar en gång, i {count} timme.",
    "other": "Om det var du behöver du inte göra något. Länken fungerar en gång, i {count} timmar."
  },
  "changeExpiredTitle": "Länken har gått ut",
  "changeExpiredBody": "Länken är ogiltig, har gått ut eller har redan använts. Begär en ny från din kontosida.",
  "confirmTitle": "Bekräfta din nya e-postadress",
  "confirmQuestion": "Vill du använda {email} för ditt {merchant}-konto?",
  "changedTitle": "E-postadressen har ändrats",
  "changedPage": "Ditt {merchant}-konto använder nu {email}. Logga in igen med den adressen. Du kan stänga den här sidan.",
  "inUseTitle": "Adressen används redan",
  "inUseBody": "{email} används redan av ett annat konto hos den här handlaren.",
  "cancelTitle": "Avbryta ändringen av e-postadress?",
  "cancelQuestion": "Vill du stoppa ändringen av e-postadressen för ditt {merchant}-konto och logga ut alla som använder det?",
  "undoTitle": "Ångra ändringen av e-postadress?",
  "undoQuestion": "Vill du ge ditt {merchant}-konto tillbaka den här e-postadressen och logga ut alla som använder det?",
  "cancelledTitle": "Ändringen av e-postadress har avbrutits",
  "cancelledBody": "Ditt {merchant}-konto behåller den här e-postadressen, och alla som var inloggade har loggats ut. Du kan stänga den här sidan."
};
