import type { Catalog } from './en.js';

export const ko: Catalog = {
  "subject": "{merchant} 로그인 링크",
  "intro": {
    "other": "아래 버튼을 눌러 {merchant} 계정에 로그인하세요. 이 링크는 한 번만 사용할 수 있으며 {count}분 후에 만료됩니다."
  },
  "button": "로그인",
  "copy": "버튼이 작동하지 않으면 이 링크를 복사하여 브라우저에 붙여 넣으세요:",
  "ignore": "이 이메일을 요청하지 않으셨다면 무시하셔도 됩니다.",
  "support": "문의 사항이 있으신가요? {email}(으)로 연락해 주세요.",
  "linkTitle": "{merchant} 계정 열기",
  "linkBody": "계속하여 구독 및 결제 내역을 확인하고 관리하세요.",
  "continue": "계속",
  "expiredTitle": "이 링크는 만료되었습니다",
  "expiredBody": {
    "other": "로그인 링크는 한 번만, {count}분 동안만 사용할 수 있습니다. 새 링크를 받으세요:"
  },
  "emailLabel": "이메일 주소",
  "sendNew": "새 링크 보내기",
  "loginTitle": "{merchant}에 로그인",
  "loginBody": "이메일 주소를 입력하시면 로그인 링크를 보내 드립니다. 비밀번호는 필요하지 않습니다.",
  "sendLink": "로그인 링크를 이메일로 받기",
  "sentTitle": "이메일을 확인해 주세요",
  "sentBody": {
    "other": "{email}에 해당하는 계정이 있으면 로그인 링크가 전송됩니다. 링크는 {count}분 후에 만료됩니다."
  },
  "signingIn": "로그인 중…",
  "noscript": "로그인을 완료하려면 JavaScript를 켜거나 링크를 다시 열어 주세요.",
  "signOut": "로그아웃",
  "tooMany": "요청이 너무 많습니다. 몇 분 후에 다시 시도해 주세요.",
  "sessionEnded": "세션이 종료되었습니다. 계속하려면 다시 로그인해 주세요.",
  "unknownMerchant": "이 로그인 페이지는 설정되지 않았습니다. 구독하신 사이트에서 다시 열어 주세요.",
  "forbiddenTitle": "이 양식을 전송할 수 없습니다",
  "forbiddenBody": "이 양식은 이 사이트의 페이지에서 전송되지 않았습니다. 이전 페이지로 돌아가 새로고침한 후 다시 시도해 주세요.",
  "continueAs": "{masked}(으)로 계속하기",
  "magicConfirmBody": "이 로그인 링크를 직접 요청하신 경우에만 계속해 주세요. 요청하지 않으셨다면 이 페이지를 닫으세요. 아무 일도 일어나지 않습니다.",
  "confirmSubject": "{merchant}의 새 이메일 주소를 확인해 주세요",
  "confirmAsked": "누군가 이 주소를 {merchant} 계정에 사용하도록 요청했습니다.",
  "confirmWithin": {
    "other": "{count}시간 이내에 확인해 주세요. 확인 전까지는 계정에 현재 주소가 유지됩니다."
  },
  "confirmButton": "새 주소 확인",
  "confirmIgnore": "본인이 요청하지 않으셨다면 이 이메일을 무시하세요. 아무것도 변경되지 않습니다.",
  "requestedSubject": "{merchant} 이메일 주소가 변경되고 있습니다",
  "requestedBody": "이메일 주소가 {masked}(으)로 변경되고 있습니다. 해당 주소에서 확인해야만 변경됩니다.",
  "requestedWarn": "본인이 요청하지 않으셨다면 변경을 취소하세요. 취소하면 계정을 사용 중인 모든 기기와 링크에서도 로그아웃됩니다.",
  "cancelButton": "본인이 아닙니다 — 변경 취소",
  "requestedNoop": {
    "other": "본인이 요청하셨다면 아무것도 하지 않으셔도 됩니다. 취소 링크는 {count}시간 동안 한 번만 사용할 수 있습니다."
  },
  "changedSubject": "{merchant} 이메일 주소가 변경되었습니다",
  "changedBody": "{merchant} 계정의 이메일 주소가 {masked}(으)로 변경되었습니다. 계정에 로그인된 모든 기기에서 로그아웃되었습니다.",
  "changedWarn": "본인이 요청하지 않으셨다면 변경을 되돌리세요. 계정에 이 주소가 복원되고 계정을 사용 중인 모든 사용자가 로그아웃됩니다.",
  "undoButton": "본인이 아닙니다 — 변경 되돌리기",
  "changedNoop": {
    "other": "본인이 요청하셨다면 아무것도 하지 않으셔도 됩니다. 이 링크는 {count}시간 동안 한 번만 사용할 수 있습니다."
  },
  "changeExpiredTitle": "이 링크는 만료되었습니다",
  "changeExpiredBody": "이 링크는 유효하지 않거나 만료되었거나 이미 사용되었습니다. 계정 페이지에서 새 링크를 요청해 주세요.",
  "confirmTitle": "새 이메일 주소 확인",
  "confirmQuestion": "{merchant} 계정에 {email}을(를) 사용하시겠습니까?",
  "changedTitle": "이메일 주소 변경됨",
  "changedPage": "이제 {merchant} 계정에서 {email}을(를) 사용합니다. 이 주소로 다시 로그인해 주세요. 이 페이지는 닫으셔도 됩니다.",
  "inUseTitle": "이미 사용 중인 주소",
  "inUseBody": "{email}은(는) 이 판매자의 다른 계정에서 이미 사용 중입니다.",
  "cancelTitle": "이메일 변경을 취소하시겠습니까?",
  "cancelQuestion": "{merchant} 계정의 이메일 주소 변경을 중단하고 계정을 사용 중인 모든 사용자를 로그아웃하시겠습니까?",
  "undoTitle": "이메일 변경을 되돌리시겠습니까?",
  "undoQuestion": "{merchant} 계정에 이 이메일 주소를 복원하고 계정을 사용 중인 모든 사용자를 로그아웃하시겠습니까?",
  "cancelledTitle": "이메일 변경 취소됨",
  "cancelledBody": "{merchant} 계정에 이 이메일 주소가 유지되며, 로그인되어 있던 모든 사용자가 로그아웃되었습니다. 이 페이지는 닫으셔도 됩니다."
};
