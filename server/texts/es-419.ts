import type { Catalog } from './en.js';

export const es419: Catalog = {
  "subject": "Su enlace de inicio de sesión para {merchant}",
  "intro": {
    "one": "Use el botón de abajo para iniciar sesión en su cuenta de {merchant}. El enlace funciona una sola vez y vence en {count} minuto.",
    "other": "Use el botón de abajo para iniciar sesión en su cuenta de {merchant}. El enlace funciona una sola vez y vence en {count} minutos.",
    "many": "Use el botón de abajo para iniciar sesión en su cuenta de {merchant}. El enlace funciona una sola vez y vence en {count} de minutos."
  },
  "button": "Iniciar sesión",
  "copy": "Si el botón no funciona, copie este enlace en su navegador:",
  "ignore": "Si no solicitó este correo, puede ignorarlo sin problema.",
  "support": "¿Preguntas? Escriba a {email}.",
  "linkTitle": "Abrir su cuenta de {merchant}",
  "linkBody": "Continúe para ver y administrar sus suscripciones y pagos.",
  "continue": "Continuar",
  "expiredTitle": "Este enlace venció",
  "expiredBody": {
    "one": "Los enlaces de inicio de sesión funcionan una sola vez y solo durante {count} minuto. Solicite uno nuevo:",
    "other": "Los enlaces de inicio de sesión funcionan una sola vez y solo durante {count} minutos. Solicite uno nuevo:",
    "many": "Los enlaces de inicio de sesión funcionan una sola vez y solo durante {count} de minutos. Solicite uno nuevo:"
  },
  "emailLabel": "Correo electrónico",
  "sendNew": "Enviarme un enlace nuevo",
  "loginTitle": "Iniciar sesión en {merchant}",
  "loginBody": "Ingrese su correo electrónico y le enviaremos un enlace de inicio de sesión. No necesita contraseña.",
  "sendLink": "Enviarme un enlace de inicio de sesión",
  "sentTitle": "Revise su correo electrónico",
  "sentBody": {
    "one": "Si existe una cuenta para {email}, le enviamos un enlace de inicio de sesión. Vence en {count} minuto.",
    "other": "Si existe una cuenta para {email}, le enviamos un enlace de inicio de sesión. Vence en {count} minutos.",
    "many": "Si existe una cuenta para {email}, le enviamos un enlace de inicio de sesión. Vence en {count} de minutos."
  },
  "signingIn": "Iniciando sesión…",
  "noscript": "Active JavaScript para terminar de iniciar sesión o vuelva a abrir el enlace.",
  "signOut": "Cerrar sesión",
  "tooMany": "Demasiadas solicitudes. Espere unos minutos e inténtelo de nuevo.",
  "sessionEnded": "Su sesión finalizó. Vuelva a iniciar sesión para continuar.",
  "unknownMerchant": "Esta página de inicio de sesión no está configurada. Vuelva a abrirla desde el sitio donde se suscribió.",
  "forbiddenTitle": "No se pudo enviar este formulario",
  "forbiddenBody": "No provino de la página de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.",
  "continueAs": "Continuar como {masked}",
  "magicConfirmBody": "Continúe solo si usted mismo solicitó este enlace de inicio de sesión. Si no fue así, cierre esta página: no pasará nada.",
  "confirmSubject": "Confirme su nuevo correo electrónico para {merchant}",
  "confirmAsked": "Alguien solicitó usar esta dirección para una cuenta de {merchant}.",
  "confirmWithin": {
    "one": "Confírmela en un plazo de {count} hora; hasta entonces, la cuenta conserva su dirección actual.",
    "other": "Confírmela en un plazo de {count} horas; hasta entonces, la cuenta conserva su dirección actual.",
    "many": "Confírmela en un plazo de {count} de horas; hasta entonces, la cuenta conserva su dirección actual."
  },
  "confirmButton": "Confirmar nueva dirección",
  "confirmIgnore": "Si no fue usted, ignore este correo: no cambiará nada.",
  "requestedSubject": "Se está cambiando su correo electrónico de {merchant}",
  "requestedBody": "Su correo electrónico se está cambiando a {masked}. El cambio se hará efectivo solo cuando esa dirección lo confirme.",
  "requestedWarn": "Si no fue usted, cancele el cambio. Esto también cerrará la sesión en todos los dispositivos y enlaces que usan su cuenta.",
  "cancelButton": "No fui yo: cancelar el cambio",
  "requestedNoop": {
    "one": "Si fue usted, no tiene que hacer nada. El enlace de cancelación funciona una sola vez, durante {count} hora.",
    "other": "Si fue usted, no tiene que hacer nada. El enlace de cancelación funciona una sola vez, durante {count} horas.",
    "many": "Si fue usted, no tiene que hacer nada. El enlace de cancelación funciona una sola vez, durante {count} de horas."
  },
  "changedSubject": "Se cambió su correo electrónico de {merchant}",
  "changedBody": "El correo electrónico de su cuenta de {merchant} se cambió a {masked}. Se cerró la sesión en todos los dispositivos conectados a su cuenta.",
  "changedWarn": "Si no fue usted, deshaga el cambio: su cuenta recuperará esta dirección y se cerrará la sesión de todas las personas que la usan.",
  "undoButton": "No fui yo: deshacer el cambio",
  "changedNoop": {
    "one": "Si fue usted, no tiene que hacer nada. El enlace funciona una sola vez, durante {count} hora.",
    "other": "Si fue usted, no tiene que hacer nada. El enlace funciona una sola vez, durante {count} horas.",
    "many": "Si fue usted, no tiene que hacer nada. El enlace funciona una sola vez, durante {count} de horas."
  },
  "changeExpiredTitle": "Este enlace venció",
  "changeExpiredBody": "Este enlace no es válido, venció o ya se usó. Solicite uno nuevo desde la página de su cuenta.",
  "confirmTitle": "Confirme su nuevo correo electrónico",
  "confirmQuestion": "¿Usar {email} para su cuenta de {merchant}?",
  "changedTitle": "Correo electrónico cambiado",
  "changedPage": "Su cuenta de {merchant} ahora usa {email}. Vuelva a iniciar sesión con esa dirección. Puede cerrar esta página.",
  "inUseTitle": "Dirección ya en uso",
  "inUseBody": "{email} ya está en uso en otra cuenta con este comercio.",
  "cancelTitle": "¿Cancelar el cambio de correo electrónico?",
  "cancelQuestion": "¿Detener el cambio del correo electrónico de su cuenta de {merchant} y cerrar la sesión de todas las personas que la usan?",
  "undoTitle": "¿Deshacer el cambio de correo electrónico?",
  "undoQuestion": "¿Devolver este correo electrónico a su cuenta de {merchant} y cerrar la sesión de todas las personas que la usan?",
  "cancelledTitle": "Cambio de correo electrónico cancelado",
  "cancelledBody": "Su cuenta de {merchant} conserva este correo electrónico y se cerró la sesión de todas las personas que la usaban. Puede cerrar esta página."
};
