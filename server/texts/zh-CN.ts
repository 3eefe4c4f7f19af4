import type { Catalog } from './en.js';

export const zhCN: Catalog = {
  "subject": "您的 {merchant} 登录链接",
  "intro": {
    "other": "请点击下方按钮登录您的 {merchant} 账户。该链接仅可使用一次，并将在 {count} 分钟后失效。"
  },
  "button": "登录",
  "copy": "如果按钮无法使用，请将此链接复制到浏览器中：",
  "ignore": "如果您并未申请此邮件，可以放心忽略。",
  "support": "如有疑问，请发送邮件至 {email}。",
  "linkTitle": "打开您的 {merchant} 账户",
  "linkBody": "继续以查看和管理您的订阅及付款。",
  "continue": "继续",
  "expiredTitle": "此链接已过期",
  "expiredBody": {
    "other": "登录链接仅可使用一次，且仅在 {count} 分钟内有效。请重新发送一个新链接："
  },
  "emailLabel": "电子邮箱地址",
  "sendNew": "向我发送新链接",
  "loginTitle": "登录 {merchant}",
  "loginBody": "请输入您的电子邮箱地址，我们将向您发送登录链接。无需密码。",
  "sendLink": "通过电子邮件发送登录链接",
  "sentTitle": "请查收您的电子邮件",
  "sentBody": {
    "other": "如果 {email} 存在对应账户，登录链接已在发送途中，将在 {count} 分钟后失效。"
  },
  "signingIn": "正在为您登录…",
  "noscript": "请启用 JavaScript 以完成登录，或重新打开该链接。",
  "signOut": "退出登录",
  "tooMany": "请求过于频繁。请等待几分钟后重试。",
  "sessionEnded": "您的会话已结束。请重新登录以继续。",
  "unknownMerchant": "此登录页面尚未设置。请从您订阅的网站重新打开。",
  "forbiddenTitle": "无法提交此表单",
  "forbiddenBody": "该表单并非来自本网站的页面。请返回、刷新页面后重试。",
  "continueAs": "以 {masked} 身份继续",
  "magicConfirmBody": "仅当您本人申请了此登录链接时才继续。如果不是，请关闭此页面，不会有任何影响。",
  "confirmSubject": "确认您在 {merchant} 的新电子邮箱地址",
  "confirmAsked": "有人申请将此地址用于 {merchant} 账户。",
  "confirmWithin": {
    "other": "请在 {count} 小时内确认；在此之前，账户将继续使用当前地址。"
  },
  "confirmButton": "确认新地址",
  "confirmIgnore": "如果这不是您本人的操作，请忽略此邮件，不会有任何更改。",
  "requestedSubject": "您的 {merchant} 电子邮箱地址正在更改",
  "requestedBody": "您的电子邮箱地址正在更改为 {masked}。只有在该地址确认后才会生效。",
  "requestedWarn": "如果这不是您本人的操作，请取消此更改。这也会让所有使用您账户的设备和链接退出登录。",
  "cancelButton": "不是我本人操作 — 取消更改",
  "requestedNoop": {
    "other": "如果是您本人操作，则无需任何处理。取消链接仅可使用一次，{count} 小时内有效。"
  },
  "changedSubject": "您的 {merchant} 电子邮箱地址已更改",
  "changedBody": "您的 {merchant} 账户的电子邮箱地址已更改为 {masked}。所有已登录您账户的设备均已退出登录。",
  "changedWarn": "如果这不是您本人的操作，请撤销此更改：您的账户将恢复使用此地址，所有正在使用该账户的人都将退出登录。",
  "undoButton": "不是我本人操作 — 撤销更改",
  "changedNoop": {
    "other": "如果是您本人操作，则无需任何处理。该链接仅可使用一次，{count} 小时内有效。"
  },
  "changeExpiredTitle": "此链接已过期",
  "changeExpiredBody": "此链接无效、已过期或已被使用。请在您的账户页面重新申请。",
  "confirmTitle": "确认您的新电子邮箱地址",
  "confirmQuestion": "是否将 {email} 用于您的 {merchant} 账户？",
  "changedTitle": "电子邮箱地址已更改",
  "changedPage": "您的 {merchant} 账户现在使用 {email}。请使用该地址重新登录。您可以关闭此页面。",
  "inUseTitle": "地址已被使用",
  "inUseBody": "{email} 已被该商家的另一个账户使用。",
  "cancelTitle": "取消电子邮箱更改？",
  "cancelQuestion": "停止更改您的 {merchant} 账户的电子邮箱地址，并让所有正在使用该账户的人退出登录？",
  "undoTitle": "撤销电子邮箱更改？",
  "undoQuestion": "将此电子邮箱地址恢复到您的 {merchant} 账户，并让所有正在使用该账户的人退出登录？",
  "cancelledTitle": "已取消电子邮箱更改",
  "cancelledBody": "您的 {merchant} 账户将继续使用此电子邮箱地址，所有已登录的人均已退出登录。您可以关闭此页面。"
};
