import type { Catalog } from './en.js';

export const da: Catalog = {
  "subject": "Dit loginlink til {merchant}",
  "intro": {
    "one": "Brug knappen nedenfor til at logge ind på din {merchant}-konto. Linket virker én gang og udløber om {count} minut.",
    "other": "Brug knappen nedenfor til at logge ind på din {merchant}-konto. Linket virker én gang og udløber om {count} minutter."
  },
  "button": "Log ind",
  "copy": "Hvis knappen ikke virker, kan du kopiere dette link ind i din browser:",
  "ignore": "Hvis du ikke har anmodet om denne e-mail, kan du roligt ignorere den.",
  "support": "Spørgsmål? Skriv til {email}.",
  "linkTitle": "Åbn din {merchant}-konto",
  "linkBody": "Fortsæt for at se og administrere dine abonnementer og betalinger.",
  "continue": "Fortsæt",
  "expiredTitle": "Linket er udløbet",
  "expiredBody": {
    "one": "Loginlinks virker kun én gang og kun i {count} minut. Send dig selv et nyt:",
    "other": "Loginlinks virker kun én gang og kun i {count} minutter. Send dig selv et nyt:"
  },
  "emailLabel": "E-mailadresse",
  "sendNew": "Send mig et nyt link",
  "loginTitle": "Log ind på {merchant}",
  "loginBody": "Indtast din e-mailadresse, så sender vi dig et loginlink. Ingen adgangskode nødvendig.",
  "sendLink": "Send mig et loginlink på e-mail",
  "sentTitle": "Tjek din e-mail",
  "sentBody": {
    "one": "Hvis der findes en konto for {email}, er et loginlink på vej. Det udløber om {count} minut.",
    "other": "Hvis der findes en konto for {email}, er et loginlink på vej. Det udløber om {count} minutter."
  },
  "signingIn": "Du logges ind…",
  "noscript": "Slå JavaScript til for at fuldføre login, eller åbn linket igen.",
  "signOut": "Log ud",
  "tooMany": "For mange anmodninger. Vent et par minutter, og prøv igen.",
  "sessionEnded": "Din session er afsluttet. Log ind igen for at fortsætte.",
  "unknownMerchant": "Denne loginside er ikke konfigureret. Åbn den igen fra det websted, hvor du tegnede abonnementet.",
  "forbiddenTitle": "Formularen kunne ikke sendes",
  "forbiddenBody": "Den kom ikke fra webstedets egen side. Gå tilbage, genindlæs siden, og prøv igen.",
  "continueAs": "Fortsæt som {masked}",
  "magicConfirmBody": "Fortsæt kun, hvis du selv har anmodet om dette loginlink. Hvis ikke, så luk denne side: der sker ingenting.",
  "confirmSubject": "Bekræft din nye e-mailadresse til {merchant}",
  "confirmAsked": "Nogen har anmodet om at bruge denne adresse til en {merchant}-konto.",
  "confirmWithin": {
    "one": "Bekræft den inden for {count} time. Indtil da beholder kontoen sin nuværende adresse.",
    "other": "Bekræft den inden for {count} timer. Indtil da beholder kontoen sin nuværende adresse."
  },
  "confirmButton": "Bekræft ny adresse",
  "confirmIgnore": "Hvis det ikke var dig, så ignorer denne e-mail: intet ændres.",
  "requestedSubject": "E-mailadressen til din {merchant}-konto er ved at blive ændret",
  "requestedBody": "Din e-mailadresse ændres til {masked}. Ændringen træder først i kraft, når den adresse har bekræftet den.",
  "requestedWarn": "Hvis det ikke var dig, så annuller ændringen. Det logger også alle enheder og links, der bruger din konto, ud.",
  "cancelButton": "Det var ikke mig – annuller ændringen",
  "requestedNoop": {
    "one": "Hvis det var dig, behøver du ikke gøre noget. Annulleringslinket virker én gang, i {count} time.",
    "other": "Hvis det var dig, behøver du ikke gøre noget. Annulleringslinket virker én gang, i {count} timer."
  },
  "changedSubject": "E-mailadressen til din {merchant}-konto er ændret",
  "changedBody": "E-mailadressen til din {merchant}-konto er ændret til {masked}. Alle enheder, der var logget ind på din konto, er blevet logget ud.",
  "changedWarn": "Hvis det ikke var dig, så fortryd ændringen: din konto får denne adresse tilbage, og alle, der bruger den, bliver logget ud.",
  "undoButton": "Det var ikke mig – fortryd ændringen",
  "changedNoop": {
    "one": "Hvis det var dig, behøver du ikke gøre noget. Linket virker én gang, i {count} time.",
    "other": "Hvis det var dig, behøver du ikke gøre noget. Linket virker én gang, i {count} timer."
  },
  "changeExpiredTitle": "Linket er udløbet",
  "changeExpiredBody": "Linket er ugyldigt, udløbet eller allerede brugt. Anmod om et nyt fra din kontoside.",
  "confirmTitle": "Bekræft din nye e-mailadresse",
  "confirmQuestion": "Vil du bruge {email} til din {merchant}-konto?",
  "changedTitle": "E-mailadressen er ændret",
  "changedPage": "Din {merchant}-konto bruger nu {email}. Log ind igen med den. Du kan lukke denne side.",
  "inUseTitle": "Adressen er allerede i brug",
  "inUseBody": "{email} bruges allerede af en anden konto hos denne forhandler.",
  "cancelTitle": "Vil du annullere ændringen af e-mailadressen?",
  "cancelQuestion": "Vil du stoppe ændringen af e-mailadressen til din {merchant}-konto og logge alle, der bruger den, ud?",
  "undoTitle": "Vil du fortryde ændringen af e-mailadressen?",
  "undoQuestion": "Vil du give din {merchant}-konto denne e-mailadresse tilbage og logge alle, der bruger den, ud?",
  "cancelledTitle": "Ændringen af e-mailadressen er annulleret",
  "cancelledBody": "Din {merchant}-konto beholder denne e-mailadresse, og alle, der var logget ind, er blevet logget ud. Du kan lukke denne side."
};
