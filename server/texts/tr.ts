import type { Catalog } from './en.js';

export const tr: Catalog = {
  "subject": "{merchant} için giriş bağlantınız",
  "intro": {
    "one": "{merchant} hesabınıza giriş yapmak için aşağıdaki düğmeyi kullanın. Bağlantı yalnızca bir kez çalışır ve {count} dakika içinde geçerliliğini yitirir.",
    "other": "{merchant} hesabınıza giriş yapmak için aşağıdaki düğmeyi kullanın. Bağlantı yalnızca bir kez çalışır ve {count} dakika içinde geçerliliğini yitirir."
  },
  "button": "Giriş yap",
  "copy": "Düğme çalışmazsa bu bağlantıyı tarayıcınıza kopyalayın:",
  "ignore": "Bu e-postayı siz istemediyseniz, güvenle yok sayabilirsiniz.",
  "support": "Sorularınız mı var? {email} adresine yazın.",
  "linkTitle": "{merchant} hesabınızı açın",
  "linkBody": "Aboneliklerinizi ve ödemelerinizi görmek ve yönetmek için devam edin.",
  "continue": "Devam et",
  "expiredTitle": "Bu bağlantının süresi doldu",
  "expiredBody": {
    "one": "Giriş bağlantıları yalnızca bir kez ve yalnızca {count} dakika boyunca çalışır. Kendinize yeni bir bağlantı gönderin:",
    "other": "Giriş bağlantıları yalnızca bir kez ve yalnızca {count} dakika boyunca çalışır. Kendinize yeni bir bağlantı gönderin:"
  },
  "emailLabel": "E-posta adresi",
  "sendNew": "Bana yeni bir bağlantı gönder",
  "loginTitle": "{merchant} hesabına giriş yapın",
  "loginBody": "E-posta adresinizi girin, size bir giriş bağlantısı gönderelim. Şifre gerekmez.",
  "sendLink": "Bana giriş bağlantısı gönder",
  "sentTitle": "E-postanızı kontrol edin",
  "sentBody": {
    "one": "{email} için bir hesap varsa giriş bağlantısı yolda. Bağlantının süresi {count} dakika içinde dolacak.",
    "other": "{email} için bir hesap varsa giriş bağlantısı yolda. Bağlantının süresi {count} dakika içinde dolacak."
  },
  "signingIn": "Giriş yapılıyor…",
  "noscript": "Girişi tamamlamak için JavaScript'i etkinleştirin veya bağlantıyı yeniden açın.",
  "signOut": "Çıkış yap",
  "tooMany": "Çok fazla istek. Lütfen birkaç dakika bekleyip tekrar deneyin.",
  "sessionEnded": "Oturumunuz sona erdi. Devam etmek için yeniden giriş yapın.",
  "unknownMerchant": "Bu giriş sayfası yapılandırılmamış. Sayfayı abone olduğunuz siteden yeniden açın.",
  "forbiddenTitle": "Bu form gönderilemedi",
  "forbiddenBody": "Form bu sitenin kendi sayfasından gelmedi. Geri dönün, sayfayı yeniden yükleyin ve tekrar deneyin.",
  "continueAs": "{masked} olarak devam et",
  "magicConfirmBody": "Yalnızca bu giriş bağlantısını kendiniz istediyseniz devam edin. İstemediyseniz bu sayfayı kapatın: hiçbir şey olmaz.",
  "confirmSubject": "{merchant} için yeni e-posta adresinizi onaylayın",
  "confirmAsked": "Birisi bu adresi bir {merchant} hesabı için kullanmak istedi.",
  "confirmWithin": {
    "one": "Bunu {count} saat içinde onaylayın; o zamana kadar hesap mevcut adresini korur.",
    "other": "Bunu {count} saat içinde onaylayın; o zamana kadar hesap mevcut adresini korur."
  },
  "confirmButton": "Yeni adresi onayla",
  "confirmIgnore": "Bu siz değilseniz bu e-postayı yok sayın: hiçbir şey değişmez.",
  "requestedSubject": "{merchant} e-posta adresiniz değiştiriliyor",
  "requestedBody": "E-posta adresiniz {masked} olarak değiştiriliyor. Değişiklik ancak o adres onaylandığında gerçekleşir.",
  "requestedWarn": "Bu siz değilseniz değişikliği iptal edin. Bu işlem, hesabınızı kullanan tüm cihaz ve bağlantıların da oturumunu kapatır.",
  "cancelButton": "Bu ben değildim — değişikliği iptal et",
  "requestedNoop": {
    "one": "Bu sizseniz yapmanız gereken bir şey yok. İptal bağlantısı yalnızca bir kez, {count} saat boyunca çalışır.",
    "other": "Bu sizseniz yapmanız gereken bir şey yok. İptal bağlantısı yalnızca bir kez, {count} saat boyunca çalışır."
  },
  "changedSubject": "{merchant} e-posta adresiniz değiştirildi",
  "changedBody": "{merchant} hesabınızın e-posta adresi {masked} olarak değiştirildi. Hesabınızda oturum açmış tüm cihazların oturumu kapatıldı.",
  "changedWarn": "Bu siz değilseniz değişikliği geri alın: hesabınız bu adrese geri döner ve hesabı kullanan herkesin oturumu kapatılır.",
  "undoButton": "Bu ben değildim — değişikliği geri al",
  "changedNoop": {
    "one": "Bu sizseniz yapmanız gereken bir şey yok. Bağlantı yalnızca bir kez, {count} saat boyunca çalışır.",
    "other": "Bu sizseniz yapmanız gereken bir şey yok. Bağlantı yalnızca bir kez, {count} saat boyunca çalışır."
  },
  "changeExpiredTitle": "Bu bağlantının süresi doldu",
  "changeExpiredBody": "Bu bağlantı geçersiz, süresi dolmuş veya zaten kullanılmış. Hesap sayfanızdan yeni bir bağlantı isteyin.",
  "confirmTitle": "Yeni e-posta adresinizi onaylayın",
  "confirmQuestion": "{merchant} hesabınız için {email} kullanılsın mı?",
  "changedTitle": "E-posta adresi değiştirildi",
  "changedPage": "{merchant} hesabınız artık {email} adresini kullanıyor. Bu adresle yeniden giriş yapın. Bu sayfayı kapatabilirsiniz.",
  "inUseTitle": "Adres zaten kullanımda",
  "inUseBody": "{email}, bu satıcıda başka bir hesap tarafından zaten kullanılıyor.",
  "cancelTitle": "E-posta değişikliği iptal edilsin mi?",
  "cancelQuestion": "{merchant} hesabınızın e-posta adresi değişikliği durdurulsun ve hesabı kullanan herkesin oturumu kapatılsın mı?",
  "undoTitle": "E-posta değişikliği geri alınsın mı?",
  "undoQuestion": "{merchant} hesabınıza bu e-posta adresi geri verilsin ve hesabı kullanan herkesin oturumu kapatılsın mı?",
  "cancelledTitle": "E-posta değişikliği iptal edildi",
  "cancelledBody": "{merchant} hesabınız bu e-posta adresini koruyor ve oturum açmış herkesin oturumu kapatıldı. Bu sayfayı kapatabilirsiniz."
};
