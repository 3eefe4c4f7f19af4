import type { Catalog } from './en.js';

export const zhTW: Catalog = {
  "subject": "您的 {merchant} 登入連結",
  "intro": {
    "other": "請點選下方按鈕登入您的 {merchant} 帳戶。此連結僅能使用一次，並將於 {count} 分鐘後失效。"
  },
  "button": "登入",
  "copy": "如果按鈕無法使用，請將此連結複製到瀏覽器中：",
  "ignore": "如果您並未要求這封電子郵件，可以放心忽略。",
  "support": "有任何問題？請寫信至 {email}。",
  "linkTitle": "開啟您的 {merchant} 帳戶",
  "linkBody": "繼續以查看及管理您的訂閱與付款。",
  "continue": "繼續",
  "expiredTitle": "此連結已過期",
  "expiredBody": {
    "other": "登入連結僅能使用一次，且僅在 {count} 分鐘內有效。請重新寄送新的連結："
  },
  "emailLabel": "電子郵件地址",
  "sendNew": "寄送新連結給我",
  "loginTitle": "登入 {merchant}",
  "loginBody": "請輸入您的電子郵件地址，我們會寄送登入連結給您。不需要密碼。",
  "sendLink": "以電子郵件寄送登入連結給我",
  "sentTitle": "請查看您的電子郵件",
  "sentBody": {
    "other": "如果 {email} 有對應的帳戶，登入連結已在寄送途中，將於 {count} 分鐘後失效。"
  },
  "signingIn": "正在為您登入…",
  "noscript": "請啟用 JavaScript 以完成登入，或重新開啟該連結。",
  "signOut": "登出",
  "tooMany": "要求次數過多。請稍候幾分鐘後再試一次。",
  "sessionEnded": "您的工作階段已結束。請重新登入以繼續。",
  "unknownMerchant": "此登入頁面尚未設定。請從您訂閱的網站重新開啟。",
  "forbiddenTitle": "無法送出此表單",
  "forbiddenBody": "此表單並非來自本網站的頁面。請返回、重新整理頁面後再試一次。",
  "continueAs": "以 {masked} 身分繼續",
  "magicConfirmBody": "僅在您本人申請此登入連結時才繼續。如果不是，請關閉此頁面，不會有任何影響。",
  "confirmSubject": "確認您在 {merchant} 的新電子郵件地址",
  "confirmAsked": "有人要求將此地址用於 {merchant} 帳戶。",
  "confirmWithin": {
    "other": "請在 {count} 小時內確認；在此之前，帳戶將繼續使用目前的地址。"
  },
  "confirmButton": "確認新地址",
  "confirmIgnore": "如果這不是您本人的操作，請忽略這封電子郵件，不會有任何變更。",
  "requestedSubject": "您的 {merchant} 電子郵件地址正在變更",
  "requestedBody": "您的電子郵件地址正在變更為 {masked}。須待該地址確認後才會生效。",
  "requestedWarn": "如果這不是您本人的操作，請取消此變更。這也會將所有使用您帳戶的裝置與連結登出。",
  "cancelButton": "這不是我 — 取消變更",
  "requestedNoop": {
    "other": "如果是您本人操作，則無需任何動作。取消連結僅能使用一次，{count} 小時內有效。"
  },
  "changedSubject": "您的 {merchant} 電子郵件地址已變更",
  "changedBody": "您的 {merchant} 帳戶電子郵件地址已變更為 {masked}。所有已登入您帳戶的裝置均已登出。",
  "changedWarn": "如果這不是您本人的操作，請復原此變更：您的帳戶將恢復使用此地址，所有正在使用該帳戶的人都會被登出。",
  "undoButton": "這不是我 — 復原變更",
  "changedNoop": {
    "other": "如果是您本人操作，則無需任何動作。此連結僅能使用一次，{count} 小時內有效。"
  },
  "changeExpiredTitle": "此連結已過期",
  "changeExpiredBody": "此連結無效、已過期或已使用過。請從您的帳戶頁面重新申請。",
  "confirmTitle": "確認您的新電子郵件地址",
  "confirmQuestion": "要將 {email} 用於您的 {merchant} 帳戶嗎？",
  "changedTitle": "電子郵件地址已變更",
  "changedPage": "您的 {merchant} 帳戶現在使用 {email}。請使用此地址重新登入。您可以關閉此頁面。",
  "inUseTitle": "地址已被使用",
  "inUseBody": "{email} 已被此商家的另一個帳戶使用。",
  "cancelTitle": "要取消電子郵件變更嗎？",
  "cancelQuestion": "要停止變更您的 {merchant} 帳戶電子郵件地址，並將所有正在使用該帳戶的人登出嗎？",
  "undoTitle": "要復原電子郵件變更嗎？",
  "undoQuestion": "要將此電子郵件地址還給您的 {merchant} 帳戶，並將所有正在使用該帳戶的人登出嗎？",
  "cancelledTitle": "已取消電子郵件變更",
  "cancelledBody": "您的 {merchant} 帳戶將繼續使用此電子郵件地址，所有已登入的人均已登出。您可以關閉此頁面。"
};
