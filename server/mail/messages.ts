/**
 * Texts of the sign-in emails and hosted pages, in the customer's language. Placeholders
 * ({merchant}, {email}, {minutes}) are filled with plain text; HTML escaping happens where the
 * text is placed into markup, never here.
 */
const en = {
  subject: 'Your sign-in link for {merchant}',
  intro: 'Use the button below to sign in to your {merchant} account. The link works once and expires in {minutes} minutes.',
  button: 'Sign in',
  copy: "If the button doesn't work, copy this link into your browser:",
  ignore: "If you didn't ask for this email, you can safely ignore it.",
  support: 'Questions? Write to {email}.',
  linkTitle: 'Open your {merchant} account',
  linkBody: 'Continue to see and manage your subscriptions and payments.',
  continue: 'Continue',
  expiredTitle: 'This link has expired',
  expiredBody: 'Sign-in links work once and only for {minutes} minutes. Send yourself a new one:',
  emailLabel: 'Email address',
  sendNew: 'Send me a new link',
  loginTitle: 'Sign in to {merchant}',
  loginBody: "Enter your email address and we'll send you a sign-in link. No password needed.",
  sendLink: 'Email me a sign-in link',
  sentTitle: 'Check your email',
  sentBody: 'If an account exists for {email}, a sign-in link is on its way. It expires in {minutes} minutes.',
  signingIn: 'Signing you in…',
  noscript: 'Turn on JavaScript to finish signing in, or open the link again.',
  signOut: 'Sign out',
  tooMany: 'Too many requests. Please wait a few minutes and try again.',
  sessionEnded: 'Your session has ended. Sign in again to continue.',
  unknownMerchant: 'This sign-in page is not set up. Open it again from the site where you subscribed.',
  forbiddenTitle: 'This form could not be sent',
  forbiddenBody: "It did not come from this site's own page. Go back, reload the page and try again.",
};

export type MessageKey = keyof typeof en;
type Catalog = Record<MessageKey, string>;

const de: Catalog = {
  subject: 'Ihr Anmeldelink für {merchant}',
  intro: 'Mit dem Button unten melden Sie sich bei Ihrem {merchant}-Konto an. Der Link funktioniert einmal und läuft in {minutes} Minuten ab.',
  button: 'Anmelden',
  copy: 'Falls der Button nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  ignore: 'Wenn Sie diese E-Mail nicht angefordert haben, können Sie sie einfach ignorieren.',
  support: 'Fragen? Schreiben Sie an {email}.',
  linkTitle: 'Ihr {merchant}-Konto öffnen',
  linkBody: 'Fahren Sie fort, um Ihre Abonnements und Zahlungen zu sehen und zu verwalten.',
  continue: 'Weiter',
  expiredTitle: 'Dieser Link ist abgelaufen',
  expiredBody: 'Anmeldelinks funktionieren nur einmal und nur {minutes} Minuten lang. Fordern Sie einen neuen an:',
  emailLabel: 'E-Mail-Adresse',
  sendNew: 'Neuen Link senden',
  loginTitle: 'Bei {merchant} anmelden',
  loginBody: 'Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Anmeldelink. Kein Passwort nötig.',
  sendLink: 'Anmeldelink senden',
  sentTitle: 'Prüfen Sie Ihr Postfach',
  sentBody: 'Falls zu {email} ein Konto existiert, ist ein Anmeldelink unterwegs. Er läuft in {minutes} Minuten ab.',
  signingIn: 'Sie werden angemeldet …',
  noscript: 'Aktivieren Sie JavaScript, um die Anmeldung abzuschließen, oder öffnen Sie den Link erneut.',
  signOut: 'Abmelden',
  tooMany: 'Zu viele Anfragen. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
  sessionEnded: 'Ihre Sitzung ist beendet. Melden Sie sich erneut an, um fortzufahren.',
  unknownMerchant: 'Diese Anmeldeseite ist nicht eingerichtet. Öffnen Sie sie erneut über die Website, bei der Sie Ihr Abo abgeschlossen haben.',
  forbiddenTitle: 'Dieses Formular konnte nicht gesendet werden',
  forbiddenBody: 'Es kam nicht von der eigenen Seite dieser Website. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.',
};

const fr: Catalog = {
  subject: 'Votre lien de connexion à {merchant}',
  intro: "Utilisez le bouton ci-dessous pour vous connecter à votre compte {merchant}. Le lien ne fonctionne qu'une fois et expire dans {minutes} minutes.",
  button: 'Se connecter',
  copy: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
  ignore: "Si vous n'avez pas demandé cet e-mail, vous pouvez l'ignorer.",
  support: 'Des questions ? Écrivez à {email}.',
  linkTitle: 'Ouvrir votre compte {merchant}',
  linkBody: 'Continuez pour consulter et gérer vos abonnements et paiements.',
  continue: 'Continuer',
  expiredTitle: 'Ce lien a expiré',
  expiredBody: "Les liens de connexion ne fonctionnent qu'une fois et pendant {minutes} minutes. Recevez-en un nouveau :",
  emailLabel: 'Adresse e-mail',
  sendNew: "M'envoyer un nouveau lien",
  loginTitle: 'Connexion à {merchant}',
  loginBody: 'Saisissez votre adresse e-mail et nous vous enverrons un lien de connexion. Aucun mot de passe requis.',
  sendLink: "M'envoyer un lien de connexion",
  sentTitle: 'Consultez votre boîte mail',
  sentBody: 'Si un compte existe pour {email}, un lien de connexion est en route. Il expire dans {minutes} minutes.',
  signingIn: 'Connexion en cours…',
  noscript: 'Activez JavaScript pour terminer la connexion, ou ouvrez à nouveau le lien.',
  signOut: 'Se déconnecter',
  tooMany: 'Trop de demandes. Patientez quelques minutes, puis réessayez.',
  sessionEnded: 'Votre session est terminée. Reconnectez-vous pour continuer.',
  unknownMerchant: "Cette page de connexion n'est pas configurée. Ouvrez-la à nouveau depuis le site où vous vous êtes abonné.",
  forbiddenTitle: "Ce formulaire n'a pas pu être envoyé",
  forbiddenBody: "Il ne provient pas d'une page de ce site. Revenez en arrière, rechargez la page et réessayez.",
};

const es: Catalog = {
  subject: 'Tu enlace de acceso a {merchant}',
  intro: 'Usa el botón de abajo para entrar en tu cuenta de {merchant}. El enlace funciona una sola vez y caduca en {minutes} minutos.',
  button: 'Entrar',
  copy: 'Si el botón no funciona, copia este enlace en tu navegador:',
  ignore: 'Si no has pedido este correo, puedes ignorarlo.',
  support: '¿Preguntas? Escribe a {email}.',
  linkTitle: 'Abre tu cuenta de {merchant}',
  linkBody: 'Continúa para ver y gestionar tus suscripciones y pagos.',
  continue: 'Continuar',
  expiredTitle: 'Este enlace ha caducado',
  expiredBody: 'Los enlaces de acceso funcionan una sola vez y solo durante {minutes} minutos. Pide uno nuevo:',
  emailLabel: 'Correo electrónico',
  sendNew: 'Envíame un enlace nuevo',
  loginTitle: 'Entra en {merchant}',
  loginBody: 'Escribe tu correo y te enviaremos un enlace de acceso. Sin contraseña.',
  sendLink: 'Envíame un enlace de acceso',
  sentTitle: 'Revisa tu correo',
  sentBody: 'Si existe una cuenta para {email}, te hemos enviado un enlace de acceso. Caduca en {minutes} minutos.',
  signingIn: 'Iniciando sesión…',
  noscript: 'Activa JavaScript para terminar de entrar o vuelve a abrir el enlace.',
  signOut: 'Cerrar sesión',
  tooMany: 'Demasiadas solicitudes. Espera unos minutos y vuelve a intentarlo.',
  sessionEnded: 'Tu sesión ha terminado. Vuelve a entrar para continuar.',
  unknownMerchant: 'Esta página de acceso no está configurada. Ábrela de nuevo desde el sitio donde te suscribiste.',
  forbiddenTitle: 'No se pudo enviar este formulario',
  forbiddenBody: 'No se envió desde una página de este sitio. Vuelve atrás, recarga la página e inténtalo de nuevo.',
};

const it: Catalog = {
  subject: 'Il tuo link di accesso a {merchant}',
  intro: 'Usa il pulsante qui sotto per accedere al tuo account {merchant}. Il link funziona una sola volta e scade tra {minutes} minuti.',
  button: 'Accedi',
  copy: 'Se il pulsante non funziona, copia questo link nel browser:',
  ignore: 'Se non hai richiesto questa email, puoi ignorarla.',
  support: 'Domande? Scrivi a {email}.',
  linkTitle: 'Apri il tuo account {merchant}',
  linkBody: 'Continua per vedere e gestire abbonamenti e pagamenti.',
  continue: 'Continua',
  expiredTitle: 'Questo link è scaduto',
  expiredBody: 'I link di accesso funzionano una sola volta e solo per {minutes} minuti. Richiedine uno nuovo:',
  emailLabel: 'Indirizzo email',
  sendNew: 'Inviami un nuovo link',
  loginTitle: 'Accedi a {merchant}',
  loginBody: 'Inserisci il tuo indirizzo email e ti invieremo un link di accesso. Nessuna password.',
  sendLink: 'Inviami un link di accesso',
  sentTitle: 'Controlla la tua email',
  sentBody: 'Se esiste un account per {email}, il link di accesso è in arrivo. Scade tra {minutes} minuti.',
  signingIn: 'Accesso in corso…',
  noscript: "Attiva JavaScript per completare l'accesso oppure apri di nuovo il link.",
  signOut: 'Esci',
  tooMany: 'Troppe richieste. Attendi qualche minuto e riprova.',
  sessionEnded: 'La sessione è terminata. Accedi di nuovo per continuare.',
  unknownMerchant: 'Questa pagina di accesso non è configurata. Aprila di nuovo dal sito in cui ti sei abbonato.',
  forbiddenTitle: 'Impossibile inviare questo modulo',
  forbiddenBody: 'Non proviene da una pagina di questo sito. Torna indietro, ricarica la pagina e riprova.',
};

const ptBR: Catalog = {
  subject: 'Seu link de acesso para {merchant}',
  intro: 'Use o botão abaixo para entrar na sua conta {merchant}. O link funciona uma única vez e expira em {minutes} minutos.',
  button: 'Entrar',
  copy: 'Se o botão não funcionar, copie este link no seu navegador:',
  ignore: 'Se você não pediu este e-mail, pode ignorá-lo.',
  support: 'Dúvidas? Escreva para {email}.',
  linkTitle: 'Abra sua conta {merchant}',
  linkBody: 'Continue para ver e gerenciar suas assinaturas e pagamentos.',
  continue: 'Continuar',
  expiredTitle: 'Este link expirou',
  expiredBody: 'Links de acesso funcionam uma única vez e só por {minutes} minutos. Peça um novo:',
  emailLabel: 'E-mail',
  sendNew: 'Enviar um novo link',
  loginTitle: 'Entrar em {merchant}',
  loginBody: 'Digite seu e-mail e enviaremos um link de acesso. Sem senha.',
  sendLink: 'Enviar link de acesso',
  sentTitle: 'Confira seu e-mail',
  sentBody: 'Se houver uma conta para {email}, um link de acesso está a caminho. Ele expira em {minutes} minutos.',
  signingIn: 'Entrando…',
  noscript: 'Ative o JavaScript para concluir o acesso ou abra o link novamente.',
  signOut: 'Sair',
  tooMany: 'Muitas solicitações. Aguarde alguns minutos e tente novamente.',
  sessionEnded: 'Sua sessão terminou. Entre novamente para continuar.',
  unknownMerchant: 'Esta página de acesso não está configurada. Abra-a novamente pelo site onde você assinou.',
  forbiddenTitle: 'Não foi possível enviar este formulário',
  forbiddenBody: 'Ele não veio de uma página deste site. Volte, recarregue a página e tente novamente.',
};

const nl: Catalog = {
  subject: 'Je inloglink voor {merchant}',
  intro: 'Gebruik de knop hieronder om in te loggen op je {merchant}-account. De link werkt één keer en verloopt over {minutes} minuten.',
  button: 'Inloggen',
  copy: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
  ignore: 'Heb je deze e-mail niet aangevraagd? Dan kun je hem negeren.',
  support: 'Vragen? Mail naar {email}.',
  linkTitle: 'Open je {merchant}-account',
  linkBody: 'Ga verder om je abonnementen en betalingen te bekijken en te beheren.',
  continue: 'Doorgaan',
  expiredTitle: 'Deze link is verlopen',
  expiredBody: 'Inloglinks werken één keer en maar {minutes} minuten. Vraag een nieuwe aan:',
  emailLabel: 'E-mailadres',
  sendNew: 'Stuur me een nieuwe link',
  loginTitle: 'Inloggen bij {merchant}',
  loginBody: 'Vul je e-mailadres in en we sturen je een inloglink. Geen wachtwoord nodig.',
  sendLink: 'Stuur me een inloglink',
  sentTitle: 'Check je e-mail',
  sentBody: 'Als er een account bestaat voor {email}, is er een inloglink onderweg. Die verloopt over {minutes} minuten.',
  signingIn: 'Bezig met inloggen…',
  noscript: 'Zet JavaScript aan om het inloggen af te ronden, of open de link opnieuw.',
  signOut: 'Uitloggen',
  tooMany: 'Te veel verzoeken. Wacht een paar minuten en probeer het opnieuw.',
  sessionEnded: 'Je sessie is afgelopen. Log opnieuw in om verder te gaan.',
  unknownMerchant: 'Deze inlogpagina is niet ingesteld. Open hem opnieuw via de site waar je een abonnement hebt.',
  forbiddenTitle: 'Dit formulier kon niet worden verzonden',
  forbiddenBody: 'Het kwam niet van een pagina van deze site. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
};

const pl: Catalog = {
  subject: 'Twój link logowania do {merchant}',
  intro: 'Kliknij przycisk poniżej, aby zalogować się do konta {merchant}. Link działa jeden raz i wygasa za {minutes} minut.',
  button: 'Zaloguj się',
  copy: 'Jeśli przycisk nie działa, skopiuj ten link do przeglądarki:',
  ignore: 'Jeśli nie prosiłeś(-aś) o tę wiadomość, po prostu ją zignoruj.',
  support: 'Pytania? Napisz na {email}.',
  linkTitle: 'Otwórz konto {merchant}',
  linkBody: 'Przejdź dalej, aby zobaczyć swoje subskrypcje i płatności oraz nimi zarządzać.',
  continue: 'Dalej',
  expiredTitle: 'Ten link wygasł',
  expiredBody: 'Linki logowania działają jeden raz i tylko przez {minutes} minut. Wyślij sobie nowy:',
  emailLabel: 'Adres e-mail',
  sendNew: 'Wyślij mi nowy link',
  loginTitle: 'Zaloguj się do {merchant}',
  loginBody: 'Podaj adres e-mail, a wyślemy Ci link logowania. Bez hasła.',
  sendLink: 'Wyślij mi link logowania',
  sentTitle: 'Sprawdź skrzynkę',
  sentBody: 'Jeśli istnieje konto dla {email}, link logowania jest już w drodze. Wygasa za {minutes} minut.',
  signingIn: 'Logowanie…',
  noscript: 'Włącz JavaScript, aby dokończyć logowanie, lub otwórz link ponownie.',
  signOut: 'Wyloguj się',
  tooMany: 'Zbyt wiele prób. Odczekaj kilka minut i spróbuj ponownie.',
  sessionEnded: 'Sesja wygasła. Zaloguj się ponownie, aby kontynuować.',
  unknownMerchant: 'Ta strona logowania nie jest skonfigurowana. Otwórz ją ponownie ze strony, na której masz subskrypcję.',
  forbiddenTitle: 'Nie udało się wysłać tego formularza',
  forbiddenBody: 'Nie pochodzi ze strony tej witryny. Wróć, odśwież stronę i spróbuj ponownie.',
};

const ja: Catalog = {
  subject: '{merchant} のログインリンク',
  intro: '下のボタンから {merchant} のアカウントにログインしてください。リンクは1回だけ使え、{minutes}分で期限切れになります。',
  button: 'ログイン',
  copy: 'ボタンが動かない場合は、このリンクをブラウザに貼り付けてください:',
  ignore: 'このメールに心当たりがない場合は、無視してください。',
  support: 'ご不明な点は {email} までお問い合わせください。',
  linkTitle: '{merchant} のアカウントを開く',
  linkBody: '続行して、サブスクリプションとお支払いを確認・管理します。',
  continue: '続行',
  expiredTitle: 'このリンクは期限切れです',
  expiredBody: 'ログインリンクは1回限り、{minutes}分間だけ有効です。新しいリンクを送信してください:',
  emailLabel: 'メールアドレス',
  sendNew: '新しいリンクを送る',
  loginTitle: '{merchant} にログイン',
  loginBody: 'メールアドレスを入力すると、ログインリンクをお送りします。パスワードは不要です。',
  sendLink: 'ログインリンクを送る',
  sentTitle: 'メールをご確認ください',
  sentBody: '{email} のアカウントが存在する場合、ログインリンクを送信しました。{minutes}分で期限切れになります。',
  signingIn: 'ログインしています…',
  noscript: 'ログインを完了するには JavaScript を有効にするか、もう一度リンクを開いてください。',
  signOut: 'ログアウト',
  tooMany: 'リクエストが多すぎます。数分待ってからもう一度お試しください。',
  sessionEnded: 'セッションが終了しました。続けるには再度ログインしてください。',
  unknownMerchant: 'このログインページは設定されていません。ご契約のサイトからもう一度開いてください。',
  forbiddenTitle: 'このフォームを送信できませんでした',
  forbiddenBody: 'このサイトのページから送信されたものではありません。前のページに戻り、再読み込みしてからもう一度お試しください。',
};

const ar: Catalog = {
  subject: 'رابط تسجيل الدخول إلى {merchant}',
  intro: 'استخدم الزر أدناه لتسجيل الدخول إلى حسابك في {merchant}. يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال {minutes} دقائق.',
  button: 'تسجيل الدخول',
  copy: 'إذا لم يعمل الزر، انسخ هذا الرابط في متصفحك:',
  ignore: 'إذا لم تطلب هذه الرسالة، يمكنك تجاهلها.',
  support: 'هل لديك أسئلة؟ راسلنا على {email}.',
  linkTitle: 'افتح حسابك في {merchant}',
  linkBody: 'تابع لعرض اشتراكاتك ومدفوعاتك وإدارتها.',
  continue: 'متابعة',
  expiredTitle: 'انتهت صلاحية هذا الرابط',
  expiredBody: 'تعمل روابط تسجيل الدخول مرة واحدة فقط ولمدة {minutes} دقائق. أرسل لنفسك رابطًا جديدًا:',
  emailLabel: 'البريد الإلكتروني',
  sendNew: 'أرسل لي رابطًا جديدًا',
  loginTitle: 'تسجيل الدخول إلى {merchant}',
  loginBody: 'أدخل بريدك الإلكتروني وسنرسل إليك رابط تسجيل الدخول. لا حاجة إلى كلمة مرور.',
  sendLink: 'أرسل لي رابط تسجيل الدخول',
  sentTitle: 'تحقق من بريدك الإلكتروني',
  sentBody: 'إذا كان هناك حساب مرتبط بـ {email}، فرابط تسجيل الدخول في الطريق إليك. تنتهي صلاحيته خلال {minutes} دقائق.',
  signingIn: 'جارٍ تسجيل الدخول…',
  noscript: 'فعّل JavaScript لإكمال تسجيل الدخول، أو افتح الرابط مرة أخرى.',
  signOut: 'تسجيل الخروج',
  tooMany: 'طلبات كثيرة جدًا. انتظر بضع دقائق ثم حاول مرة أخرى.',
  sessionEnded: 'انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.',
  unknownMerchant: 'صفحة تسجيل الدخول هذه غير مُعدّة. افتحها مرة أخرى من الموقع الذي اشتركت فيه.',
  forbiddenTitle: 'تعذّر إرسال هذا النموذج',
  forbiddenBody: 'لم يُرسَل من صفحة هذا الموقع. ارجع وأعد تحميل الصفحة ثم حاول مرة أخرى.',
};

const CATALOGS = { en, de, fr, es, it, 'pt-BR': ptBR, nl, pl, ja, ar } satisfies Record<string, Catalog>;
export type Locale = keyof typeof CATALOGS;
export const LOCALES = Object.keys(CATALOGS) as Locale[];

/** The first supported locale among the candidates (exact tag, then language: `pt` → `pt-BR`, `de-AT` → `de`); else English. */
export function matchLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const raw of candidates) {
    if (!raw) continue;
    const tag = raw.trim().toLowerCase();
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const lang = tag.split(/[-_]/)[0];
    const byLang = LOCALES.find((l) => l.toLowerCase().split('-')[0] === lang);
    if (byLang) return byLang;
  }
  return 'en';
}

/** Tags of an Accept-Language header, best first. */
export function acceptLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.tag);
}

export const textDirection = (locale: Locale) => (locale === 'ar' ? 'rtl' : 'ltr');

/** The message in `locale` with its placeholders filled (plain text). */
export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return CATALOGS[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
