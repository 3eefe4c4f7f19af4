import type { Catalog } from './en.js';

export const ro: Catalog = {
  "subject": "Linkul dumneavoastră de autentificare pentru {merchant}",
  "intro": {
    "one": "Folosiți butonul de mai jos pentru a vă autentifica în contul {merchant}. Linkul funcționează o singură dată și expiră în {count} minut.",
    "few": "Folosiți butonul de mai jos pentru a vă autentifica în contul {merchant}. Linkul funcționează o singură dată și expiră în {count} minute.",
    "other": "Folosiți butonul de mai jos pentru a vă autentifica în contul {merchant}. Linkul funcționează o singură dată și expiră în {count} de minute."
  },
  "button": "Autentificare",
  "copy": "Dacă butonul nu funcționează, copiați acest link în browser:",
  "ignore": "Dacă nu ați solicitat acest e-mail, îl puteți ignora în siguranță.",
  "support": "Întrebări? Scrieți-ne la {email}.",
  "linkTitle": "Deschideți contul dumneavoastră {merchant}",
  "linkBody": "Continuați pentru a vă vedea și gestiona abonamentele și plățile.",
  "continue": "Continuați",
  "expiredTitle": "Acest link a expirat",
  "expiredBody": {
    "one": "Linkurile de autentificare funcționează o singură dată și doar {count} minut. Trimiteți-vă unul nou:",
    "few": "Linkurile de autentificare funcționează o singură dată și doar {count} minute. Trimiteți-vă unul nou:",
    "other": "Linkurile de autentificare funcționează o singură dată și doar {count} de minute. Trimiteți-vă unul nou:"
  },
  "emailLabel": "Adresă de e-mail",
  "sendNew": "Trimiteți-mi un link nou",
  "loginTitle": "Autentificare la {merchant}",
  "loginBody": "Introduceți adresa de e-mail și vă vom trimite un link de autentificare. Nu aveți nevoie de parolă.",
  "sendLink": "Trimiteți-mi un link de autentificare prin e-mail",
  "sentTitle": "Verificați-vă e-mailul",
  "sentBody": {
    "one": "Dacă există un cont pentru {email}, un link de autentificare este pe drum. Acesta expiră în {count} minut.",
    "few": "Dacă există un cont pentru {email}, un link de autentificare este pe drum. Acesta expiră în {count} minute.",
    "other": "Dacă există un cont pentru {email}, un link de autentificare este pe drum. Acesta expiră în {count} de minute."
  },
  "signingIn": "Se face autentificarea…",
  "noscript": "Activați JavaScript pentru a finaliza autentificarea sau deschideți din nou linkul.",
  "signOut": "Deconectare",
  "tooMany": "Prea multe solicitări. Vă rugăm să așteptați câteva minute și să încercați din nou.",
  "sessionEnded": "Sesiunea dumneavoastră s-a încheiat. Autentificați-vă din nou pentru a continua.",
  "unknownMerchant": "Această pagină de autentificare nu este configurată. Deschideți-o din nou de pe site-ul pe care v-ați abonat.",
  "forbiddenTitle": "Acest formular nu a putut fi trimis",
  "forbiddenBody": "Nu provine de pe pagina proprie a acestui site. Reveniți, reîncărcați pagina și încercați din nou.",
  "continueAs": "Continuați ca {masked}",
  "magicConfirmBody": "Continuați doar dacă ați solicitat dumneavoastră acest link de autentificare. În caz contrar, închideți această pagină: nu se întâmplă nimic.",
  "confirmSubject": "Confirmați noua adresă de e-mail pentru {merchant}",
  "confirmAsked": "Cineva a solicitat folosirea acestei adrese pentru un cont {merchant}.",
  "confirmWithin": {
    "one": "Confirmați în cel mult {count} oră; până atunci contul își păstrează adresa actuală.",
    "few": "Confirmați în cel mult {count} ore; până atunci contul își păstrează adresa actuală.",
    "other": "Confirmați în cel mult {count} de ore; până atunci contul își păstrează adresa actuală."
  },
  "confirmButton": "Confirmați noua adresă",
  "confirmIgnore": "Dacă nu ați fost dumneavoastră, ignorați acest e-mail: nu se schimbă nimic.",
  "requestedSubject": "Adresa de e-mail a contului dumneavoastră {merchant} este în curs de modificare",
  "requestedBody": "Adresa dumneavoastră de e-mail se schimbă în {masked}. Modificarea are loc doar după ce noua adresă o confirmă.",
  "requestedWarn": "Dacă nu ați fost dumneavoastră, anulați modificarea. Astfel vor fi deconectate și toate dispozitivele și linkurile care vă folosesc contul.",
  "cancelButton": "Nu am fost eu — anulați modificarea",
  "requestedNoop": {
    "one": "Dacă ați fost dumneavoastră, nu trebuie să faceți nimic. Linkul de anulare funcționează o singură dată, timp de {count} oră.",
    "few": "Dacă ați fost dumneavoastră, nu trebuie să faceți nimic. Linkul de anulare funcționează o singură dată, timp de {count} ore.",
    "other": "Dacă ați fost dumneavoastră, nu trebuie să faceți nimic. Linkul de anulare funcționează o singură dată, timp de {count} de ore."
  },
  "changedSubject": "Adresa de e-mail a contului dumneavoastră {merchant} a fost modificată",
  "changedBody": "Adresa de e-mail a contului dumneavoastră {merchant} a fost schimbată în {masked}. Toate dispozitivele conectate la contul dumneavoastră au fost deconectate.",
  "changedWarn": "Dacă nu ați fost dumneavoastră, reveniți asupra modificării: contul primește înapoi această adresă, iar toți cei care îl folosesc sunt deconectați.",
  "undoButton": "Nu am fost eu — reveniți asupra modificării",
  "changedNoop": {
    "one": "Dacă ați fost dumneavoastră, nu trebuie să faceți nimic. Linkul funcționează o singură dată, timp de {count} oră.",
    "few": "Dacă ați fost dumneavoastră, nu trebuie să faceți nimic. Linkul funcționează o singură dată, timp de {count} ore.",
    "other": "Dacă ați fost dumneavoastră, nu trebuie să faceți nimic. Linkul funcționează o singură dată, timp de {count} de ore."
  },
  "changeExpiredTitle": "Acest link a expirat",
  "changeExpiredBody": "Acest link este nevalid, a expirat sau a fost deja folosit. Solicitați unul nou din pagina contului.",
  "confirmTitle": "Confirmați noua adresă de e-mail",
  "confirmQuestion": "Folosiți {email} pentru contul dumneavoastră {merchant}?",
  "changedTitle": "Adresa de e-mail a fost schimbată",
  "changedPage": "Contul dumneavoastră {merchant} folosește acum {email}. Autentificați-vă din nou cu această adresă. Puteți închide această pagină.",
  "inUseTitle": "Adresa este deja folosită",
  "inUseBody": "{email} este deja folosită de un alt cont la acest comerciant.",
  "cancelTitle": "Anulați schimbarea adresei de e-mail?",
  "cancelQuestion": "Opriți schimbarea adresei de e-mail a contului dumneavoastră {merchant} și deconectați pe toți cei care îl folosesc?",
  "undoTitle": "Reveniți asupra schimbării adresei de e-mail?",
  "undoQuestion": "Redați contului dumneavoastră {merchant} această adresă de e-mail și deconectați pe toți cei care îl folosesc?",
  "cancelledTitle": "Schimbarea adresei de e-mail a fost anulată",
  "cancelledBody": "Contul dumneavoastră {merchant} își păstrează această adresă de e-mail, iar toți cei care erau conectați au fost deconectați. Puteți închide această pagină."
};
