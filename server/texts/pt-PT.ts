import type { Catalog } from './en.js';

export const ptPT: Catalog = {
  "subject": "O seu link de início de sessão para {merchant}",
  "intro": {
    "one": "Utilize o botão abaixo para iniciar sessão na sua conta {merchant}. O link funciona uma única vez e expira dentro de {count} minuto.",
    "other": "Utilize o botão abaixo para iniciar sessão na sua conta {merchant}. O link funciona uma única vez e expira dentro de {count} minutos.",
    "many": "Utilize o botão abaixo para iniciar sessão na sua conta {merchant}. O link funciona uma única vez e expira dentro de {count} de minutos."
  },
  "button": "Iniciar sessão",
  "copy": "Se o botão não funcionar, copie este link para o seu navegador:",
  "ignore": "Se não pediu este e-mail, pode ignorá-lo em segurança.",
  "support": "Dúvidas? Escreva para {email}.",
  "linkTitle": "Abrir a sua conta {merchant}",
  "linkBody": "Continue para ver e gerir as suas subscrições e pagamentos.",
  "continue": "Continuar",
  "expiredTitle": "Este link expirou",
  "expiredBody": {
    "one": "Os links de início de sessão funcionam uma única vez e apenas durante {count} minuto. Peça um novo:",
    "other": "Os links de início de sessão funcionam uma única vez e apenas durante {count} minutos. Peça um novo:",
    "many": "Os links de início de sessão funcionam uma única vez e apenas durante {count} de minutos. Peça um novo:"
  },
  "emailLabel": "Endereço de e-mail",
  "sendNew": "Enviar-me um novo link",
  "loginTitle": "Iniciar sessão em {merchant}",
  "loginBody": "Introduza o seu endereço de e-mail e enviar-lhe-emos um link de início de sessão. Não precisa de palavra-passe.",
  "sendLink": "Enviar-me um link de início de sessão",
  "sentTitle": "Verifique o seu e-mail",
  "sentBody": {
    "one": "Se existir uma conta para {email}, um link de início de sessão está a caminho. Expira dentro de {count} minuto.",
    "other": "Se existir uma conta para {email}, um link de início de sessão está a caminho. Expira dentro de {count} minutos.",
    "many": "Se existir uma conta para {email}, um link de início de sessão está a caminho. Expira dentro de {count} de minutos."
  },
  "signingIn": "A iniciar sessão…",
  "noscript": "Ative o JavaScript para concluir o início de sessão ou abra o link novamente.",
  "signOut": "Terminar sessão",
  "tooMany": "Demasiados pedidos. Aguarde alguns minutos e tente novamente.",
  "sessionEnded": "A sua sessão terminou. Inicie sessão novamente para continuar.",
  "unknownMerchant": "Esta página de início de sessão não está configurada. Abra-a novamente a partir do site onde fez a subscrição.",
  "forbiddenTitle": "Não foi possível enviar este formulário",
  "forbiddenBody": "Não veio da própria página deste site. Volte atrás, recarregue a página e tente novamente.",
  "continueAs": "Continuar como {masked}",
  "magicConfirmBody": "Continue apenas se foi o próprio a pedir este link de início de sessão. Caso contrário, feche esta página: nada acontecerá.",
  "confirmSubject": "Confirme o seu novo endereço de e-mail para {merchant}",
  "confirmAsked": "Alguém pediu para utilizar este endereço numa conta {merchant}.",
  "confirmWithin": {
    "one": "Confirme-o no prazo de {count} hora; até lá, a conta mantém o endereço atual.",
    "other": "Confirme-o no prazo de {count} horas; até lá, a conta mantém o endereço atual.",
    "many": "Confirme-o no prazo de {count} de horas; até lá, a conta mantém o endereço atual."
  },
  "confirmButton": "Confirmar novo endereço",
  "confirmIgnore": "Se não foi o próprio, ignore este e-mail: nada será alterado.",
  "requestedSubject": "O endereço de e-mail da sua conta {merchant} está a ser alterado",
  "requestedBody": "O seu e-mail está a ser alterado para {masked}. A alteração só se concretiza quando esse endereço a confirmar.",
  "requestedWarn": "Se não foi o próprio, cancele a alteração. Isso também termina a sessão em todos os dispositivos e links que utilizam a sua conta.",
  "cancelButton": "Não fui eu — cancelar a alteração",
  "requestedNoop": {
    "one": "Se foi o próprio, não precisa de fazer nada. O link de cancelamento funciona uma única vez, durante {count} hora.",
    "other": "Se foi o próprio, não precisa de fazer nada. O link de cancelamento funciona uma única vez, durante {count} horas.",
    "many": "Se foi o próprio, não precisa de fazer nada. O link de cancelamento funciona uma única vez, durante {count} de horas."
  },
  "changedSubject": "O endereço de e-mail da sua conta {merchant} foi alterado",
  "changedBody": "O endereço de e-mail da sua conta {merchant} foi alterado para {masked}. A sessão foi terminada em todos os dispositivos ligados à sua conta.",
  "changedWarn": "Se não foi o próprio, anule a alteração: a sua conta recupera este endereço e a sessão de todos os que a utilizam é terminada.",
  "undoButton": "Não fui eu — anular a alteração",
  "changedNoop": {
    "one": "Se foi o próprio, não precisa de fazer nada. O link funciona uma única vez, durante {count} hora.",
    "other": "Se foi o próprio, não precisa de fazer nada. O link funciona uma única vez, durante {count} horas.",
    "many": "Se foi o próprio, não precisa de fazer nada. O link funciona uma única vez, durante {count} de horas."
  },
  "changeExpiredTitle": "Este link expirou",
  "changeExpiredBody": "Este link é inválido, expirou ou já foi utilizado. Peça um novo na página da sua conta.",
  "confirmTitle": "Confirme o seu novo endereço de e-mail",
  "confirmQuestion": "Utilizar {email} na sua conta {merchant}?",
  "changedTitle": "Endereço de e-mail alterado",
  "changedPage": "A sua conta {merchant} utiliza agora {email}. Inicie sessão novamente com esse endereço. Pode fechar esta página.",
  "inUseTitle": "Endereço já em utilização",
  "inUseBody": "{email} já é utilizado por outra conta neste comerciante.",
  "cancelTitle": "Cancelar a alteração de e-mail?",
  "cancelQuestion": "Interromper a alteração do endereço de e-mail da sua conta {merchant} e terminar a sessão de todos os que a utilizam?",
  "undoTitle": "Anular a alteração de e-mail?",
  "undoQuestion": "Devolver este endereço de e-mail à sua conta {merchant} e terminar a sessão de todos os que a utilizam?",
  "cancelledTitle": "Alteração de e-mail cancelada",
  "cancelledBody": "A sua conta {merchant} mantém este endereço de e-mail, e a sessão de todos os que estavam ligados foi terminada. Pode fechar esta página."
};
