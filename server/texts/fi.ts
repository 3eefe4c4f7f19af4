import type { Catalog } from './en.js';

export const fi: Catalog = {
  "subject": "Kirjautumislinkkisi palveluun {merchant}",
  "intro": {
    "one": "Kirjaudu {merchant}-tilillesi alla olevalla painikkeella. Linkki toimii kerran ja vanhenee {count} minuutissa.",
    "other": "Kirjaudu {merchant}-tilillesi alla olevalla painikkeella. Linkki toimii kerran ja vanhenee {count} minuutissa."
  },
  "button": "Kirjaudu sisään",
  "copy": "Jos painike ei toimi, kopioi tämä linkki selaimeesi:",
  "ignore": "Jos et pyytänyt tätä viestiä, voit huoletta jättää sen huomiotta.",
  "support": "Kysyttävää? Kirjoita osoitteeseen {email}.",
  "linkTitle": "Avaa {merchant}-tilisi",
  "linkBody": "Jatka nähdäksesi ja hallitaksesi tilauksiasi ja maksujasi.",
  "continue": "Jatka",
  "expiredTitle": "Tämä linkki on vanhentunut",
  "expiredBody": {
    "one": "Kirjautumislinkit toimivat vain kerran ja vain {count} minuutin ajan. Lähetä itsellesi uusi:",
    "other": "Kirjautumislinkit toimivat vain kerran ja vain {count} minuutin ajan. Lähetä itsellesi uusi:"
  },
  "emailLabel": "Sähköpostiosoite",
  "sendNew": "Lähetä minulle uusi linkki",
  "loginTitle": "Kirjaudu palveluun {merchant}",
  "loginBody": "Anna sähköpostiosoitteesi, niin lähetämme sinulle kirjautumislinkin. Salasanaa ei tarvita.",
  "sendLink": "Lähetä minulle kirjautumislinkki",
  "sentTitle": "Tarkista sähköpostisi",
  "sentBody": {
    "one": "Jos osoitteelle {email} on tili, kirjautumislinkki on matkalla. Se vanhenee {count} minuutissa.",
    "other": "Jos osoitteelle {email} on tili, kirjautumislinkki on matkalla. Se vanhenee {count} minuutissa."
  },
  "signingIn": "Kirjaudutaan sisään…",
  "noscript": "Ota JavaScript käyttöön viimeistelläksesi kirjautumisen tai avaa linkki uudelleen.",
  "signOut": "Kirjaudu ulos",
  "tooMany": "Liian monta pyyntöä. Odota muutama minuutti ja yritä uudelleen.",
  "sessionEnded": "Istuntosi on päättynyt. Kirjaudu uudelleen sisään jatkaaksesi.",
  "unknownMerchant": "Tätä kirjautumissivua ei ole määritetty. Avaa se uudelleen sivustolta, jolla teit tilauksen.",
  "forbiddenTitle": "Lomaketta ei voitu lähettää",
  "forbiddenBody": "Se ei tullut tämän sivuston omalta sivulta. Palaa takaisin, lataa sivu uudelleen ja yritä uudelleen.",
  "continueAs": "Jatka käyttäjänä {masked}",
  "magicConfirmBody": "Jatka vain, jos pyysit tämän kirjautumislinkin itse. Jos et pyytänyt, sulje tämä sivu: mitään ei tapahdu.",
  "confirmSubject": "Vahvista uusi sähköpostiosoitteesi palveluun {merchant}",
  "confirmAsked": "Joku on pyytänyt tämän osoitteen käyttämistä {merchant}-tilillä.",
  "confirmWithin": {
    "one": "Vahvista se {count} tunnin kuluessa. Siihen asti tilillä säilyy nykyinen osoite.",
    "other": "Vahvista se {count} tunnin kuluessa. Siihen asti tilillä säilyy nykyinen osoite."
  },
  "confirmButton": "Vahvista uusi osoite",
  "confirmIgnore": "Jos tämä et ollut sinä, jätä tämä viesti huomiotta: mikään ei muutu.",
  "requestedSubject": "{merchant}-tilisi sähköpostiosoitetta ollaan vaihtamassa",
  "requestedBody": "Sähköpostiosoitteesi vaihdetaan osoitteeseen {masked}. Vaihto tulee voimaan vasta, kun kyseinen osoite on vahvistanut sen.",
  "requestedWarn": "Jos tämä et ollut sinä, peru muutos. Samalla kaikki tiliäsi käyttävät laitteet ja linkit kirjataan ulos.",
  "cancelButton": "En tehnyt tätä – peru muutos",
  "requestedNoop": {
    "one": "Jos se olit sinä, sinun ei tarvitse tehdä mitään. Peruutuslinkki toimii kerran, {count} tunnin ajan.",
    "other": "Jos se olit sinä, sinun ei tarvitse tehdä mitään. Peruutuslinkki toimii kerran, {count} tunnin ajan."
  },
  "changedSubject": "{merchant}-tilisi sähköpostiosoite on vaihdettu",
  "changedBody": "{merchant}-tilisi sähköpostiosoite on vaihdettu osoitteeseen {masked}. Kaikki tilillesi kirjautuneet laitteet on kirjattu ulos.",
  "changedWarn": "Jos tämä et ollut sinä, kumoa muutos: tilisi saa tämän osoitteen takaisin, ja kaikki tiliä käyttävät kirjataan ulos.",
  "undoButton": "En tehnyt tätä – kumoa muutos",
  "changedNoop": {
    "one": "Jos se olit sinä, sinun ei tarvitse tehdä mitään. Linkki toimii kerran, {count} tunnin ajan.",
    "other": "Jos se olit sinä, sinun ei tarvitse tehdä mitään. Linkki toimii kerran, {count} tunnin ajan."
  },
  "changeExpiredTitle": "Tämä linkki on vanhentunut",
  "changeExpiredBody": "Tämä linkki on virheellinen, vanhentunut tai jo käytetty. Pyydä uusi tilisi sivulta.",
  "confirmTitle": "Vahvista uusi sähköpostiosoitteesi",
  "confirmQuestion": "Käytetäänkö osoitetta {email} {merchant}-tililläsi?",
  "changedTitle": "Sähköpostiosoite vaihdettu",
  "changedPage": "{merchant}-tilisi käyttää nyt osoitetta {email}. Kirjaudu uudelleen sisään sillä. Voit sulkea tämän sivun.",
  "inUseTitle": "Osoite on jo käytössä",
  "inUseBody": "{email} on jo toisen tilin käytössä tällä kauppiaalla.",
  "cancelTitle": "Perutaanko sähköpostiosoitteen vaihto?",
  "cancelQuestion": "Pysäytetäänkö {merchant}-tilisi sähköpostiosoitteen vaihto ja kirjataanko kaikki tiliä käyttävät ulos?",
  "undoTitle": "Kumotaanko sähköpostiosoitteen vaihto?",
  "undoQuestion": "Palautetaanko tämä sähköpostiosoite {merchant}-tilillesi ja kirjataanko kaikki tiliä käyttävät ulos?",
  "cancelledTitle": "Sähköpostiosoitteen vaihto peruttu",
  "cancelledBody": "{merchant}-tilisi säilyttää tämän sähköpostiosoitteen, ja kaikki sisäänkirjautuneet on kirjattu ulos. Voit sulkea tämän sivun."
};
