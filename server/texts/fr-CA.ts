import type { Catalog } from './en.js';

export const frCA: Catalog = {
  "subject": "Votre lien de connexion pour {merchant}",
  "intro": {
    "one": "Utilisez le bouton ci-dessous pour vous connecter à votre compte {merchant}. Le lien ne fonctionne qu'une fois et expire dans {count} minute.",
    "other": "Utilisez le bouton ci-dessous pour vous connecter à votre compte {merchant}. Le lien ne fonctionne qu'une fois et expire dans {count} minutes.",
    "many": "Utilisez le bouton ci-dessous pour vous connecter à votre compte {merchant}. Le lien ne fonctionne qu'une fois et expire dans {count} de minutes."
  },
  "button": "Se connecter",
  "copy": "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  "ignore": "Si vous n'avez pas demandé ce courriel, vous pouvez l'ignorer sans crainte.",
  "support": "Des questions? Écrivez à {email}.",
  "linkTitle": "Ouvrir votre compte {merchant}",
  "linkBody": "Continuez pour voir et gérer vos abonnements et vos paiements.",
  "continue": "Continuer",
  "expiredTitle": "Ce lien a expiré",
  "expiredBody": {
    "one": "Les liens de connexion ne fonctionnent qu'une fois et seulement pendant {count} minute. Demandez-en un nouveau :",
    "other": "Les liens de connexion ne fonctionnent qu'une fois et seulement pendant {count} minutes. Demandez-en un nouveau :",
    "many": "Les liens de connexion ne fonctionnent qu'une fois et seulement pendant {count} de minutes. Demandez-en un nouveau :"
  },
  "emailLabel": "Adresse courriel",
  "sendNew": "M'envoyer un nouveau lien",
  "loginTitle": "Se connecter à {merchant}",
  "loginBody": "Entrez votre adresse courriel et nous vous enverrons un lien de connexion. Aucun mot de passe requis.",
  "sendLink": "M'envoyer un lien de connexion par courriel",
  "sentTitle": "Vérifiez vos courriels",
  "sentBody": {
    "one": "Si un compte existe pour {email}, un lien de connexion est en route. Il expire dans {count} minute.",
    "other": "Si un compte existe pour {email}, un lien de connexion est en route. Il expire dans {count} minutes.",
    "many": "Si un compte existe pour {email}, un lien de connexion est en route. Il expire dans {count} de minutes."
  },
  "signingIn": "Connexion en cours…",
  "noscript": "Activez JavaScript pour terminer la connexion, ou ouvrez le lien de nouveau.",
  "signOut": "Se déconnecter",
  "tooMany": "Trop de demandes. Veuillez patienter quelques minutes et réessayer.",
  "sessionEnded": "Votre session a pris fin. Connectez-vous de nouveau pour continuer.",
  "unknownMerchant": "Cette page de connexion n'est pas configurée. Ouvrez-la de nouveau à partir du site où vous vous êtes abonné.",
  "forbiddenTitle": "Ce formulaire n'a pas pu être envoyé",
  "forbiddenBody": "Il ne provient pas de la page de ce site. Revenez en arrière, rechargez la page et réessayez.",
  "continueAs": "Continuer en tant que {masked}",
  "magicConfirmBody": "Continuez seulement si vous avez vous-même demandé ce lien de connexion. Sinon, fermez cette page : rien ne se passera.",
  "confirmSubject": "Confirmez votre nouvelle adresse courriel pour {merchant}",
  "confirmAsked": "Quelqu'un a demandé à utiliser cette adresse pour un compte {merchant}.",
  "confirmWithin": {
    "one": "Confirmez-la dans un délai de {count} heure; d'ici là, le compte conserve son adresse actuelle.",
    "other": "Confirmez-la dans les {count} heures; d'ici là, le compte conserve son adresse actuelle.",
    "many": "Confirmez-la dans les {count} d'heures; d'ici là, le compte conserve son adresse actuelle."
  },
  "confirmButton": "Confirmer la nouvelle adresse",
  "confirmIgnore": "Si ce n'était pas vous, ignorez ce courriel : rien ne changera.",
  "requestedSubject": "L'adresse courriel de votre compte {merchant} est en cours de modification",
  "requestedBody": "Votre adresse courriel est en cours de remplacement par {masked}. Le changement n'a lieu qu'une fois que cette adresse l'a confirmé.",
  "requestedWarn": "Si ce n'était pas vous, annulez le changement. Cela déconnecte aussi tous les appareils et liens qui utilisent votre compte.",
  "cancelButton": "Ce n'était pas moi — annuler le changement",
  "requestedNoop": {
    "one": "Si c'était vous, vous n'avez rien à faire. Le lien d'annulation ne fonctionne qu'une fois, pendant {count} heure.",
    "other": "Si c'était vous, vous n'avez rien à faire. Le lien d'annulation ne fonctionne qu'une fois, pendant {count} heures.",
    "many": "Si c'était vous, vous n'avez rien à faire. Le lien d'annulation ne fonctionne qu'une fois, pendant {count} d'heures."
  },
  "changedSubject": "L'adresse courriel de votre compte {merchant} a été modifiée",
  "changedBody": "L'adresse courriel de votre compte {merchant} a été remplacée par {masked}. Tous les appareils connectés à votre compte ont été déconnectés.",
  "changedWarn": "Si ce n'était pas vous, annulez le changement : votre compte récupère cette adresse et toutes les personnes qui l'utilisent sont déconnectées.",
  "undoButton": "Ce n'était pas moi — rétablir l'ancienne adresse",
  "changedNoop": {
    "one": "Si c'était vous, vous n'avez rien à faire. Le lien ne fonctionne qu'une fois, pendant {count} heure.",
    "other": "Si c'était vous, vous n'avez rien à faire. Le lien ne fonctionne qu'une fois, pendant {count} heures.",
    "many": "Si c'était vous, vous n'avez rien à faire. Le lien ne fonctionne qu'une fois, pendant {count} d'heures."
  },
  "changeExpiredTitle": "Ce lien a expiré",
  "changeExpiredBody": "Ce lien est invalide, expiré ou déjà utilisé. Demandez-en un nouveau à partir de la page de votre compte.",
  "confirmTitle": "Confirmez votre nouvelle adresse courriel",
  "confirmQuestion": "Utiliser {email} pour votre compte {merchant}?",
  "changedTitle": "Adresse courriel modifiée",
  "changedPage": "Votre compte {merchant} utilise maintenant {email}. Connectez-vous de nouveau avec cette adresse. Vous pouvez fermer cette page.",
  "inUseTitle": "Adresse déjà utilisée",
  "inUseBody": "{email} est déjà utilisée par un autre compte chez ce commerçant.",
  "cancelTitle": "Annuler le changement d'adresse courriel?",
  "cancelQuestion": "Arrêter le changement d'adresse courriel de votre compte {merchant} et déconnecter toutes les personnes qui l'utilisent?",
  "undoTitle": "Rétablir l'ancienne adresse courriel?",
  "undoQuestion": "Redonner cette adresse courriel à votre compte {merchant} et déconnecter toutes les personnes qui l'utilisent?",
  "cancelledTitle": "Changement d'adresse courriel annulé",
  "cancelledBody": "Votre compte {merchant} conserve cette adresse courriel, et toutes les personnes qui étaient connectées ont été déconnectées. Vous pouvez fermer cette page."
};
