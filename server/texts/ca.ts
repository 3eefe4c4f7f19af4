import type { Catalog } from './en.js';

export const ca: Catalog = {
  "subject": "El vostre enllaç d'inici de sessió per a {merchant}",
  "intro": {
    "one": "Feu servir el botó següent per iniciar la sessió al vostre compte de {merchant}. L'enllaç funciona una sola vegada i caduca d'aquí a {count} minut.",
    "other": "Feu servir el botó següent per iniciar la sessió al vostre compte de {merchant}. L'enllaç funciona una sola vegada i caduca d'aquí a {count} minuts.",
    "many": "Feu servir el botó següent per iniciar la sessió al vostre compte de {merchant}. L'enllaç funciona una sola vegada i caduca d'aquí a {count} de minuts."
  },
  "button": "Inicia la sessió",
  "copy": "Si el botó no funciona, copieu aquest enllaç al navegador:",
  "ignore": "Si no heu sol·licitat aquest correu, el podeu ignorar amb tota tranquil·litat.",
  "support": "Teniu preguntes? Escriviu a {email}.",
  "linkTitle": "Obriu el vostre compte de {merchant}",
  "linkBody": "Continueu per veure i gestionar les vostres subscripcions i els vostres pagaments.",
  "continue": "Continua",
  "expiredTitle": "Aquest enllaç ha caducat",
  "expiredBody": {
    "one": "Els enllaços d'inici de sessió funcionen una sola vegada i només durant {count} minut. Sol·liciteu-ne un de nou:",
    "other": "Els enllaços d'inici de sessió funcionen una sola vegada i només durant {count} minuts. Sol·liciteu-ne un de nou:",
    "many": "Els enllaços d'inici de sessió funcionen una sola vegada i només durant {count} de minuts. Sol·liciteu-ne un de nou:"
  },
  "emailLabel": "Adreça electrònica",
  "sendNew": "Envia'm un enllaç nou",
  "loginTitle": "Inicieu la sessió a {merchant}",
  "loginBody": "Introduïu la vostra adreça electrònica i us enviarem un enllaç d'inici de sessió. No cal contrasenya.",
  "sendLink": "Envia'm un enllaç d'inici de sessió",
  "sentTitle": "Consulteu el correu electrònic",
  "sentBody": {
    "one": "Si hi ha un compte per a {email}, us hem enviat un enllaç d'inici de sessió. Caduca d'aquí a {count} minut.",
    "other": "Si hi ha un compte per a {email}, us hem enviat un enllaç d'inici de sessió. Caduca d'aquí a {count} minuts.",
    "many": "Si hi ha un compte per a {email}, us hem enviat un enllaç d'inici de sessió. Caduca d'aquí a {count} de minuts."
  },
  "signingIn": "S'està iniciant la sessió…",
  "noscript": "Activeu JavaScript per acabar d'iniciar la sessió, o torneu a obrir l'enllaç.",
  "signOut": "Tanca la sessió",
  "tooMany": "Massa sol·licituds. Espereu uns minuts i torneu-ho a provar.",
  "sessionEnded": "La vostra sessió ha finalitzat. Torneu a iniciar la sessió per continuar.",
  "unknownMerchant": "Aquesta pàgina d'inici de sessió no està configurada. Torneu-la a obrir des del lloc web on us vau subscriure.",
  "forbiddenTitle": "No s'ha pogut enviar aquest formulari",
  "forbiddenBody": "No provenia de la pàgina pròpia d'aquest lloc web. Torneu enrere, torneu a carregar la pàgina i torneu-ho a provar.",
  "continueAs": "Continua com a {masked}",
  "magicConfirmBody": "Continueu només si heu sol·licitat personalment aquest enllaç d'inici de sessió. Si no és així, tanqueu aquesta pàgina: no passarà res.",
  "confirmSubject": "Confirmeu la vostra nova adreça electrònica per a {merchant}",
  "confirmAsked": "Algú ha sol·licitat utilitzar aquesta adreça per a un compte de {merchant}.",
  "confirmWithin": {
    "one": "Confirmeu-la en un termini de {count} hora; fins aleshores, el compte conserva l'adreça actual.",
    "other": "Confirmeu-la en un termini de {count} hores; fins aleshores, el compte conserva l'adreça actual.",
    "many": "Confirmeu-la en un termini de {count} d'hores; fins aleshores, el compte conserva l'adreça actual."
  },
  "confirmButton": "Confirma l'adreça nova",
  "confirmIgnore": "Si no heu estat vosaltres, ignoreu aquest correu: no canviarà res.",
  "requestedSubject": "S'està canviant l'adreça electrònica del vostre compte de {merchant}",
  "requestedBody": "La vostra adreça electrònica s'està canviant a {masked}. El canvi només es farà efectiu quan aquella adreça el confirmi.",
  "requestedWarn": "Si no heu estat vosaltres, cancel·leu el canvi. Això també tancarà la sessió de tots els dispositius i enllaços que utilitzen el vostre compte.",
  "cancelButton": "No he estat jo: cancel·la el canvi",
  "requestedNoop": {
    "one": "Si heu estat vós, no cal que feu res. L'enllaç de cancel·lació funciona una sola vegada, durant {count} hora.",
    "other": "Si heu estat vós, no cal que feu res. L'enllaç de cancel·lació funciona una sola vegada, durant {count} hores.",
    "many": "Si heu estat vós, no cal que feu res. L'enllaç de cancel·lació funciona una sola vegada, durant {count} d'hores."
  },
  "changedSubject": "S'ha canviat l'adreça electrònica del vostre compte de {merchant}",
  "changedBody": "L'adreça electrònica del vostre compte de {merchant} s'ha canviat a {masked}. S'ha tancat la sessió de tots els dispositius connectats al vostre compte.",
  "changedWarn": "Si no heu estat vosaltres, desfeu el canvi: el vostre compte recuperarà aquesta adreça i es tancarà la sessió de tothom que l'utilitzi.",
  "undoButton": "No he estat jo: desfés el canvi",
  "changedNoop": {
    "one": "Si heu estat vós, no cal que feu res. L'enllaç funciona una sola vegada, durant {count} hora.",
    "other": "Si heu estat vós, no cal que feu res. L'enllaç funciona una sola vegada, durant {count} hores.",
    "many": "Si heu estat vós, no cal que feu res. L'enllaç funciona una sola vegada, durant {count} d'hores."
  },
  "changeExpiredTitle": "Aquest enllaç ha caducat",
  "changeExpiredBody": "Aquest enllaç no és vàlid, ha caducat o ja s'ha utilitzat. Sol·liciteu-ne un de nou des de la pàgina del vostre compte.",
  "confirmTitle": "Confirmeu la vostra nova adreça electrònica",
  "confirmQuestion": "Voleu utilitzar {email} per al vostre compte de {merchant}?",
  "changedTitle": "S'ha canviat l'adreça electrònica",
  "changedPage": "El vostre compte de {merchant} ara utilitza {email}. Torneu a iniciar la sessió amb aquesta adreça. Podeu tancar aquesta pàgina.",
  "inUseTitle": "L'adreça ja s'està utilitzant",
  "inUseBody": "{email} ja l'utilitza un altre compte amb aquest comerciant.",
  "cancelTitle": "Voleu cancel·lar el canvi d'adreça electrònica?",
  "cancelQuestion": "Voleu aturar el canvi d'adreça electrònica del vostre compte de {merchant} i tancar la sessió de tothom que l'utilitzi?",
  "undoTitle": "Voleu desfer el canvi d'adreça electrònica?",
  "undoQuestion": "Voleu retornar aquesta adreça electrònica al vostre compte de {merchant} i tancar la sessió de tothom que l'utilitzi?",
  "cancelledTitle": "S'ha cancel·lat el canvi d'adreça electrònica",
  "cancelledBody": "El vostre compte de {merchant} conserva aquesta adreça electrònica i s'ha tancat la sessió de tothom que l'havia iniciada. Podeu tancar aquesta pàgina."
};
