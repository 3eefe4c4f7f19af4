import type { Catalog } from './en.js';

export const hu: Catalog = {
  "subject": "Bejelentkezési link – {merchant}",
  "intro": {
    "one": "Az alábbi gombbal bejelentkezhet {merchant}-fiókjába. A link egyszer használható, és {count} perc múlva lejár.",
    "other": "Az alábbi gombbal bejelentkezhet {merchant}-fiókjába. A link egyszer használható, és {count} perc múlva lejár."
  },
  "button": "Bejelentkezés",
  "copy": "Ha a gomb nem működik, másolja be ezt a linket a böngészőjébe:",
  "ignore": "Ha nem Ön kérte ezt az e-mailt, nyugodtan figyelmen kívül hagyhatja.",
  "support": "Kérdése van? Írjon ide: {email}.",
  "linkTitle": "{merchant}-fiókja megnyitása",
  "linkBody": "Folytassa előfizetései és fizetései megtekintéséhez és kezeléséhez.",
  "continue": "Folytatás",
  "expiredTitle": "Ez a link lejárt",
  "expiredBody": {
    "one": "A bejelentkezési linkek egyszer és csak {count} percig használhatók. Küldjön magának újat:",
    "other": "A bejelentkezési linkek egyszer és csak {count} percig használhatók. Küldjön magának újat:"
  },
  "emailLabel": "E-mail-cím",
  "sendNew": "Új link küldése",
  "loginTitle": "Bejelentkezés – {merchant}",
  "loginBody": "Adja meg e-mail-címét, és küldünk egy bejelentkezési linket. Jelszóra nincs szükség.",
  "sendLink": "Bejelentkezési link küldése e-mailben",
  "sentTitle": "Ellenőrizze e-mailjeit",
  "sentBody": {
    "one": "Ha létezik fiók ehhez a címhez: {email}, a bejelentkezési link úton van. {count} perc múlva lejár.",
    "other": "Ha létezik fiók ehhez a címhez: {email}, a bejelentkezési link úton van. {count} perc múlva lejár."
  },
  "signingIn": "Bejelentkezés folyamatban…",
  "noscript": "A bejelentkezés befejezéséhez kapcsolja be a JavaScriptet, vagy nyissa meg újra a linket.",
  "signOut": "Kijelentkezés",
  "tooMany": "Túl sok kérés. Kérjük, várjon néhány percet, és próbálja újra.",
  "sessionEnded": "A munkamenet véget ért. A folytatáshoz jelentkezzen be újra.",
  "unknownMerchant": "Ez a bejelentkezési oldal nincs beállítva. Nyissa meg újra arról a webhelyről, ahol előfizetett.",
  "forbiddenTitle": "Az űrlapot nem sikerült elküldeni",
  "forbiddenBody": "Nem a webhely saját oldaláról érkezett. Lépjen vissza, töltse újra az oldalt, és próbálja újra.",
  "continueAs": "Folytatás mint {masked}",
  "magicConfirmBody": "Csak akkor folytassa, ha Ön kérte ezt a bejelentkezési linket. Ha nem, zárja be ezt az oldalt: semmi sem történik.",
  "confirmSubject": "Erősítse meg új e-mail-címét – {merchant}",
  "confirmAsked": "Valaki azt kérte, hogy ezt a címet használják egy {merchant}-fiókhoz.",
  "confirmWithin": {
    "one": "Erősítse meg {count} órán belül; addig a fiók a jelenlegi címét tartja meg.",
    "other": "Erősítse meg {count} órán belül; addig a fiók a jelenlegi címét tartja meg."
  },
  "confirmButton": "Új cím megerősítése",
  "confirmIgnore": "Ha nem Ön volt, hagyja figyelmen kívül ezt az e-mailt: semmi sem változik.",
  "requestedSubject": "{merchant}-fiókja e-mail-címe módosul",
  "requestedBody": "E-mail-címe erre módosul: {masked}. A módosítás csak akkor lép életbe, ha az új cím megerősíti.",
  "requestedWarn": "Ha nem Ön volt, vonja vissza a módosítást. Ezzel a fiókját használó összes eszköz és link is kijelentkeztetésre kerül.",
  "cancelButton": "Nem én voltam – módosítás visszavonása",
  "requestedNoop": {
    "one": "Ha Ön volt, nincs teendője. A visszavonási link egyszer használható, {count} órán át.",
    "other": "Ha Ön volt, nincs teendője. A visszavonási link egyszer használható, {count} órán át."
  },
  "changedSubject": "{merchant}-fiókja e-mail-címe megváltozott",
  "changedBody": "{merchant}-fiókja e-mail-címe erre változott: {masked}. A fiókjába bejelentkezett összes eszközt kijelentkeztettük.",
  "changedWarn": "Ha nem Ön volt, vonja vissza a módosítást: fiókja visszakapja ezt a címet, és mindenki, aki használja, kijelentkeztetésre kerül.",
  "undoButton": "Nem én voltam – módosítás visszaállítása",
  "changedNoop": {
    "one": "Ha Ön volt, nincs teendője. A link egyszer használható, {count} órán át.",
    "other": "Ha Ön volt, nincs teendője. A link egyszer használható, {count} órán át."
  },
  "changeExpiredTitle": "Ez a link lejárt",
  "changeExpiredBody": "Ez a link érvénytelen, lejárt vagy már felhasználták. Kérjen újat a fiókja oldalán.",
  "confirmTitle": "Erősítse meg új e-mail-címét",
  "confirmQuestion": "Ezt a címet használja {merchant}-fiókjához: {email}?",
  "changedTitle": "E-mail-cím módosítva",
  "changedPage": "{merchant}-fiókja mostantól ezt a címet használja: {email}. Jelentkezzen be újra vele. Ezt az oldalt bezárhatja.",
  "inUseTitle": "A cím már használatban van",
  "inUseBody": "Ezt a címet ennél a kereskedőnél már egy másik fiók használja: {email}.",
  "cancelTitle": "Visszavonja az e-mail-cím módosítását?",
  "cancelQuestion": "Leállítja {merchant}-fiókja e-mail-címének módosítását, és kijelentkezteti mindazokat, akik használják?",
  "undoTitle": "Visszaállítja az e-mail-cím módosítását?",
  "undoQuestion": "Visszaadja {merchant}-fiókjának ezt az e-mail-címet, és kijelentkezteti mindazokat, akik használják?",
  "cancelledTitle": "E-mail-cím módosítása visszavonva",
  "cancelledBody": "{merchant}-fiókja megtartja ezt az e-mail-címet, és mindenkit, aki be volt jelentkezve, kijelentkeztettünk. Ezt az oldalt bezárhatja."
};
