import type { Catalog } from './en.js';

export const hr: Catalog = {
  "subject": "Vaša poveznica za prijavu za {merchant}",
  "intro": {
    "one": "Pomoću gumba u nastavku prijavite se na svoj račun {merchant}. Poveznica vrijedi jednom i istječe za {count} minutu.",
    "few": "Pomoću gumba u nastavku prijavite se na svoj račun {merchant}. Poveznica vrijedi jednom i istječe za {count} minute.",
    "other": "Pomoću gumba u nastavku prijavite se na svoj račun {merchant}. Poveznica vrijedi jednom i istječe za {count} minuta."
  },
  "button": "Prijava",
  "copy": "Ako gumb ne radi, kopirajte ovu poveznicu u preglednik:",
  "ignore": "Ako niste zatražili ovu poruku, možete je slobodno zanemariti.",
  "support": "Imate pitanja? Pišite na {email}.",
  "linkTitle": "Otvorite svoj račun {merchant}",
  "linkBody": "Nastavite za pregled i upravljanje pretplatama i plaćanjima.",
  "continue": "Nastavi",
  "expiredTitle": "Ova je poveznica istekla",
  "expiredBody": {
    "one": "Poveznice za prijavu vrijede jednom i samo {count} minutu. Pošaljite si novu:",
    "few": "Poveznice za prijavu vrijede jednom i samo {count} minute. Pošaljite si novu:",
    "other": "Poveznice za prijavu vrijede jednom i samo {count} minuta. Pošaljite si novu:"
  },
  "emailLabel": "Adresa e-pošte",
  "sendNew": "Pošalji mi novu poveznicu",
  "loginTitle": "Prijava u {merchant}",
  "loginBody": "Unesite svoju adresu e-pošte i poslat ćemo vam poveznicu za prijavu. Lozinka nije potrebna.",
  "sendLink": "Pošalji mi poveznicu za prijavu e-poštom",
  "sentTitle": "Provjerite e-poštu",
  "sentBody": {
    "one": "Ako za {email} postoji račun, poveznica za prijavu je na putu. Istječe za {count} minutu.",
    "few": "Ako za {email} postoji račun, poveznica za prijavu je na putu. Istječe za {count} minute.",
    "other": "Ako za {email} postoji račun, poveznica za prijavu je na putu. Istječe za {count} minuta."
  },
  "signingIn": "Prijavljujemo vas…",
  "noscript": "Uključite JavaScript da biste dovršili prijavu ili ponovno otvorite poveznicu.",
  "signOut": "Odjava",
  "tooMany": "Previše zahtjeva. Pričekajte nekoliko minuta i pokušajte ponovno.",
  "sessionEnded": "Vaša sesija je završila. Prijavite se ponovno za nastavak.",
  "unknownMerchant": "Ova stranica za prijavu nije postavljena. Ponovno je otvorite s web-mjesta na kojem ste se pretplatili.",
  "forbiddenTitle": "Ovaj obrazac nije moguće poslati",
  "forbiddenBody": "Nije poslan s vlastite stranice ovog web-mjesta. Vratite se, ponovno učitajte stranicu i pokušajte ponovno.",
  "continueAs": "Nastavi kao {masked}",
  "magicConfirmBody": "Nastavite samo ako ste sami zatražili ovu poveznicu za prijavu. Ako niste, zatvorite ovu stranicu: ništa se neće dogoditi.",
  "confirmSubject": "Potvrdite svoju novu adresu e-pošte za {merchant}",
  "confirmAsked": "Netko je zatražio korištenje ove adrese za račun {merchant}.",
  "confirmWithin": {
    "one": "Potvrdite je u roku od {count} sata; do tada račun zadržava trenutačnu adresu.",
    "few": "Potvrdite je u roku od {count} sata; do tada račun zadržava trenutačnu adresu.",
    "other": "Potvrdite je u roku od {count} sati; do tada račun zadržava trenutačnu adresu."
  },
  "confirmButton": "Potvrdi novu adresu",
  "confirmIgnore": "Ako to niste bili vi, zanemarite ovu poruku: ništa se ne mijenja.",
  "requestedSubject": "Adresa e-pošte vašeg računa {merchant} se mijenja",
  "requestedBody": "Vaša adresa e-pošte mijenja se u {masked}. Promjena stupa na snagu tek kada je ta adresa potvrdi.",
  "requestedWarn": "Ako to niste bili vi, otkažite promjenu. Time se odjavljuju i svi uređaji i poveznice koji koriste vaš račun.",
  "cancelButton": "To nisam bio/bila ja — otkaži promjenu",
  "requestedNoop": {
    "one": "Ako ste to bili vi, ne morate ništa učiniti. Poveznica za otkazivanje vrijedi jednom, {count} sat.",
    "few": "Ako ste to bili vi, ne morate ništa učiniti. Poveznica za otkazivanje vrijedi jednom, {count} sata.",
    "other": "Ako ste to bili vi, ne morate ništa učiniti. Poveznica za otkazivanje vrijedi jednom, {count} sati."
  },
  "changedSubject": "Adresa e-pošte vašeg računa {merchant} je promijenjena",
  "changedBody": "Adresa e-pošte vašeg računa {merchant} promijenjena je u {masked}. Svi uređaji prijavljeni na vaš račun su odjavljeni.",
  "changedWarn": "Ako to niste bili vi, poništite promjenu: vaš račun dobiva natrag ovu adresu, a svi koji ga koriste bit će odjavljeni.",
  "undoButton": "To nisam bio/bila ja — poništi promjenu",
  "changedNoop": {
    "one": "Ako ste to bili vi, ne morate ništa učiniti. Poveznica vrijedi jednom, {count} sat.",
    "few": "Ako ste to bili vi, ne morate ništa učiniti. Poveznica vrijedi jednom, {count} sata.",
    "other": "Ako ste to bili vi, ne morate ništa učiniti. Poveznica vrijedi jednom, {count} sati."
  },
  "changeExpiredTitle": "Ova je poveznica istekla",
  "changeExpiredBody": "Ova poveznica nije valjana, istekla je ili je već iskorištena. Zatražite novu na stranici svog računa.",
  "confirmTitle": "Potvrdite svoju novu adresu e-pošte",
  "confirmQuestion": "Koristiti {email} za vaš račun {merchant}?",
  "changedTitle": "Adresa e-pošte je promijenjena",
  "changedPage": "Vaš račun {merchant} sada koristi {email}. Ponovno se prijavite s tom adresom. Ovu stranicu možete zatvoriti.",
  "inUseTitle": "Adresa je već u upotrebi",
  "inUseBody": "{email} već koristi drugi račun kod ovog trgovca.",
  "cancelTitle": "Otkazati promjenu adrese e-pošte?",
  "cancelQuestion": "Zaustaviti promjenu adrese e-pošte vašeg računa {merchant} i odjaviti sve koji ga koriste?",
  "undoTitle": "Poništiti promjenu adrese e-pošte?",
  "undoQuestion": "Vratiti ovu adresu e-pošte vašem računu {merchant} i odjaviti sve koji ga koriste?",
  "cancelledTitle": "Promjena adrese e-pošte je otkazana",
  "cancelledBody": "Vaš račun {merchant} zadržava ovu adresu e-pošte, a svi koji su bili prijavljeni su odjavljeni. Ovu stranicu možete zatvoriti."
};
