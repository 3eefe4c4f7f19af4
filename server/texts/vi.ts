import type { Catalog } from './en.js';

export const vi: Catalog = {
  "subject": "Liên kết đăng nhập {merchant} của quý khách",
  "intro": {
    "other": "Nhấn nút bên dưới để đăng nhập vào tài khoản {merchant} của quý khách. Liên kết chỉ dùng được một lần và hết hạn sau {count} phút."
  },
  "button": "Đăng nhập",
  "copy": "Nếu nút không hoạt động, vui lòng sao chép liên kết này vào trình duyệt:",
  "ignore": "Nếu quý khách không yêu cầu email này, quý khách có thể bỏ qua.",
  "support": "Có câu hỏi? Vui lòng viết cho {email}.",
  "linkTitle": "Mở tài khoản {merchant} của quý khách",
  "linkBody": "Tiếp tục để xem và quản lý thuê bao và các khoản thanh toán của quý khách.",
  "continue": "Tiếp tục",
  "expiredTitle": "Liên kết này đã hết hạn",
  "expiredBody": {
    "other": "Liên kết đăng nhập chỉ dùng được một lần và chỉ trong {count} phút. Gửi liên kết mới cho quý khách:"
  },
  "emailLabel": "Địa chỉ email",
  "sendNew": "Gửi cho tôi liên kết mới",
  "loginTitle": "Đăng nhập vào {merchant}",
  "loginBody": "Nhập địa chỉ email, chúng tôi sẽ gửi cho quý khách liên kết đăng nhập. Không cần mật khẩu.",
  "sendLink": "Gửi liên kết đăng nhập qua email",
  "sentTitle": "Vui lòng kiểm tra email",
  "sentBody": {
    "other": "Nếu có tài khoản cho {email}, liên kết đăng nhập đang được gửi đến. Liên kết hết hạn sau {count} phút."
  },
  "signingIn": "Đang đăng nhập…",
  "noscript": "Vui lòng bật JavaScript để hoàn tất đăng nhập, hoặc mở lại liên kết.",
  "signOut": "Đăng xuất",
  "tooMany": "Quá nhiều yêu cầu. Vui lòng đợi vài phút rồi thử lại.",
  "sessionEnded": "Phiên của quý khách đã kết thúc. Vui lòng đăng nhập lại để tiếp tục.",
  "unknownMerchant": "Trang đăng nhập này chưa được thiết lập. Vui lòng mở lại từ trang web nơi quý khách đã đăng ký.",
  "forbiddenTitle": "Không thể gửi biểu mẫu này",
  "forbiddenBody": "Biểu mẫu không được gửi từ trang của chính trang web này. Vui lòng quay lại, tải lại trang và thử lại.",
  "continueAs": "Tiếp tục với tư cách {masked}",
  "magicConfirmBody": "Chỉ tiếp tục nếu chính quý khách đã yêu cầu liên kết đăng nhập này. Nếu không, hãy đóng trang này: sẽ không có gì xảy ra.",
  "confirmSubject": "Xác nhận địa chỉ email mới của quý khách cho {merchant}",
  "confirmAsked": "Có người đã yêu cầu dùng địa chỉ này cho một tài khoản {merchant}.",
  "confirmWithin": {
    "other": "Vui lòng xác nhận trong vòng {count} giờ; trước đó tài khoản vẫn giữ địa chỉ hiện tại."
  },
  "confirmButton": "Xác nhận địa chỉ mới",
  "confirmIgnore": "Nếu không phải quý khách, hãy bỏ qua email này: sẽ không có gì thay đổi.",
  "requestedSubject": "Địa chỉ email {merchant} của quý khách đang được thay đổi",
  "requestedBody": "Email của quý khách đang được đổi thành {masked}. Thay đổi chỉ có hiệu lực khi địa chỉ đó xác nhận.",
  "requestedWarn": "Nếu không phải quý khách, hãy hủy thay đổi. Thao tác này cũng đăng xuất mọi thiết bị và liên kết đang dùng tài khoản của quý khách.",
  "cancelButton": "Không phải tôi — hủy thay đổi",
  "requestedNoop": {
    "other": "Nếu đúng là quý khách, không cần làm gì thêm. Liên kết hủy chỉ dùng được một lần, trong {count} giờ."
  },
  "changedSubject": "Địa chỉ email {merchant} của quý khách đã được thay đổi",
  "changedBody": "Địa chỉ email của tài khoản {merchant} đã được đổi thành {masked}. Mọi thiết bị đã đăng nhập vào tài khoản của quý khách đều đã bị đăng xuất.",
  "changedWarn": "Nếu không phải quý khách, hãy hoàn tác thay đổi: tài khoản sẽ được trả lại địa chỉ này và mọi người đang dùng tài khoản sẽ bị đăng xuất.",
  "undoButton": "Không phải tôi — hoàn tác thay đổi",
  "changedNoop": {
    "other": "Nếu đúng là quý khách, không cần làm gì thêm. Liên kết chỉ dùng được một lần, trong {count} giờ."
  },
  "changeExpiredTitle": "Liên kết này đã hết hạn",
  "changeExpiredBody": "Liên kết này không hợp lệ, đã hết hạn hoặc đã được sử dụng. Vui lòng yêu cầu liên kết mới từ trang tài khoản.",
  "confirmTitle": "Xác nhận địa chỉ email mới",
  "confirmQuestion": "Dùng {email} cho tài khoản {merchant} của quý khách?",
  "changedTitle": "Đã thay đổi địa chỉ email",
  "changedPage": "Tài khoản {merchant} của quý khách hiện dùng {email}. Vui lòng đăng nhập lại bằng địa chỉ này. Quý khách có thể đóng trang này.",
  "inUseTitle": "Địa chỉ đã được sử dụng",
  "inUseBody": "{email} đã được một tài khoản khác của người bán này sử dụng.",
  "cancelTitle": "Hủy thay đổi email?",
  "cancelQuestion": "Dừng việc thay đổi địa chỉ email của tài khoản {merchant} và đăng xuất mọi người đang dùng tài khoản?",
  "undoTitle": "Hoàn tác thay đổi email?",
  "undoQuestion": "Trả lại địa chỉ email này cho tài khoản {merchant} và đăng xuất mọi người đang dùng tài khoản?",
  "cancelledTitle": "Đã hủy thay đổi email",
  "cancelledBody": "Tài khoản {merchant} của quý khách vẫn giữ địa chỉ email này, và mọi người đã đăng nhập đều đã bị đăng xuất. Quý khách có thể đóng trang này."
};
