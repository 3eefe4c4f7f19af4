import type { Catalog } from './en.js';

export const nb: Catalog = {
  "subject": "Påloggingslenken din for {merchant}",
  "intro": {
    "one": "Bruk knappen nedenfor for å logge på {merchant}-kontoen din. Lenken virker én gang og utløper om {count} minutt.",
    "other": "Bruk knappen nedenfor for å logge på {merchant}-kontoen din. Lenken virker én gang og utløper om {count} minutter."
  },
  "button": "Logg på",
  "copy": "Hvis knappen ikke virker, kan du kopiere denne lenken inn i nettleseren:",
  "ignore": "Hvis du ikke har bedt om denne e-posten, kan du trygt se bort fra den.",
  "support": "Spørsmål? Skriv til {email}.",
  "linkTitle": "Åpne {merchant}-kontoen din",
  "linkBody": "Fortsett for å se og administrere abonnementene og betalingene dine.",
  "continue": "Fortsett",
  "expiredTitle": "Lenken er utløpt",
  "expiredBody": {
    "one": "Påloggingslenker virker bare én gang og bare i {count} minutt. Send deg selv en ny:",
    "other": "Påloggingslenker virker bare én gang og bare i {count} minutter. Send deg selv en ny:"
  },
  "emailLabel": "E-postadresse",
  "sendNew": "Send meg en ny lenke",
  "loginTitle": "Logg på {merchant}",
  "loginBody": "Skriv inn e-postadressen din, så sender vi deg en påloggingslenke. Du trenger ikke passord.",
  "sendLink": "Send meg en påloggingslenke på e-post",
  "sentTitle": "Sjekk e-posten din",
  "sentBody": {
    "one": "Hvis det finnes en konto for {email}, er en påloggingslenke på vei. Den utløper om {count} minutt.",
    "other": "Hvis det finnes en konto for {email}, er en påloggingslenke på vei. Den utløper om {count} minutter."
  },
  "signingIn": "Logger deg på …",
  "noscript": "Slå på JavaScript for å fullføre påloggingen, eller åpne lenken på nytt.",
  "signOut": "Logg av",
  "tooMany": "For mange forespørsler. Vent noen minutter og prøv igjen.",
  "sessionEnded": "Økten din er avsluttet. Logg på igjen for å fortsette.",
  "unknownMerchant": "Denne påloggingssiden er ikke satt opp. Åpne den på nytt fra nettstedet der du tegnet abonnementet.",
  "forbiddenTitle": "Skjemaet kunne ikke sendes",
  "forbiddenBody": "Det kom ikke fra nettstedets egen side. Gå tilbake, last inn siden på nytt og prøv igjen.",
  "continueAs": "Fortsett som {masked}",
  "magicConfirmBody": "Fortsett bare hvis du selv har bedt om denne påloggingslenken. Hvis ikke, lukk denne siden: ingenting skjer.",
  "confirmSubject": "Bekreft den nye e-postadressen din for {merchant}",
  "confirmAsked": "Noen har bedt om å bruke denne adressen for en {merchant}-konto.",
  "confirmWithin": {
    "one": "Bekreft den innen {count} time. Frem til da beholder kontoen den nåværende adressen.",
    "other": "Bekreft den innen {count} timer. Frem til da beholder kontoen den nåværende adressen."
  },
  "confirmButton": "Bekreft ny adresse",
  "confirmIgnore": "Hvis det ikke var deg, kan du se bort fra denne e-posten: ingenting endres.",
  "requestedSubject": "E-postadressen for {merchant}-kontoen din er i ferd med å bli endret",
  "requestedBody": "E-postadressen din endres til {masked}. Endringen trer først i kraft når den adressen har bekreftet den.",
  "requestedWarn": "Hvis det ikke var deg, avbryt endringen. Da logges også alle enheter og lenker som bruker kontoen din, av.",
  "cancelButton": "Det var ikke meg – avbryt endringen",
  "requestedNoop": {
    "one": "Hvis det var deg, trenger du ikke gjøre noe. Avbrytelseslenken virker én gang, i {count} time.",
    "other": "Hvis det var deg, trenger du ikke gjøre noe. Avbrytelseslenken virker én gang, i {count} timer."
  },
  "changedSubject": "E-postadressen for {merchant}-kontoen din er endret",
  "changedBody": "E-postadressen for {merchant}-kontoen din er endret til {masked}. Alle enheter som var pålogget kontoen din, er logget av.",
  "changedWarn": "Hvis det ikke var deg, angre endringen: kontoen din får tilbake denne adressen, og alle som bruker den, logges av.",
  "undoButton": "Det var ikke meg – angre endringen",
  "changedNoop": {
    "one": "Hvis det var deg, trenger du ikke gjøre noe. Lenken virker én gang, i {count} time.",
    "other": "Hvis det var deg, trenger du ikke gjøre noe. Lenken virker én gang, i {count} timer."
  },
  "changeExpiredTitle": "Lenken er utløpt",
  "changeExpiredBody": "Lenken er ugyldig, utløpt eller allerede brukt. Be om en ny fra kontosiden din.",
  "confirmTitle": "Bekreft den nye e-postadressen din",
  "confirmQuestion": "Vil du bruke {email} for {merchant}-kontoen din?",
  "changedTitle": "E-postadressen er endret",
  "changedPage": "{merchant}-kontoen din bruker nå {email}. Logg på igjen med den. Du kan lukke denne siden.",
  "inUseTitle": "Adressen er allerede i bruk",
  "inUseBody": "{email} brukes allerede av en annen konto hos denne forhandleren.",
  "cancelTitle": "Vil du avbryte endringen av e-postadressen?",
  "cancelQuestion": "Vil du stoppe endringen av e-postadressen for {merchant}-kontoen din og logge av alle som bruker den?",
  "undoTitle": "Vil du angre endringen av e-postadressen?",
  "undoQuestion": "Vil du gi {merchant}-kontoen din tilbake denne e-postadressen og logge av alle som bruker den?",
  "cancelledTitle": "Endringen av e-postadressen er avbrutt",
  "cancelledBody": "{merchant}-kontoen din beholder denne e-postadressen, og alle som var pålogget, er logget av. Du kan lukke denne siden."
};
