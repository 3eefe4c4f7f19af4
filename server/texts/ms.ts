import type { Catalog } from './en.js';

export const ms: Catalog = {
  "subject": "Pautan log masuk anda untuk {merchant}",
  "intro": {
    "other": "Gunakan butang di bawah untuk log masuk ke akaun {merchant} anda. Pautan ini hanya boleh digunakan sekali dan tamat tempoh dalam {count} minit."
  },
  "button": "Log masuk",
  "copy": "Jika butang tidak berfungsi, salin pautan ini ke dalam pelayar anda:",
  "ignore": "Jika anda tidak meminta e-mel ini, anda boleh mengabaikannya.",
  "support": "Ada soalan? Tulis kepada {email}.",
  "linkTitle": "Buka akaun {merchant} anda",
  "linkBody": "Teruskan untuk melihat dan mengurus langganan serta pembayaran anda.",
  "continue": "Teruskan",
  "expiredTitle": "Pautan ini telah tamat tempoh",
  "expiredBody": {
    "other": "Pautan log masuk hanya boleh digunakan sekali dan hanya selama {count} minit. Hantar pautan baharu kepada diri anda:"
  },
  "emailLabel": "Alamat e-mel",
  "sendNew": "Hantar pautan baharu kepada saya",
  "loginTitle": "Log masuk ke {merchant}",
  "loginBody": "Masukkan alamat e-mel anda dan kami akan menghantar pautan log masuk. Tiada kata laluan diperlukan.",
  "sendLink": "Hantar pautan log masuk ke e-mel saya",
  "sentTitle": "Semak e-mel anda",
  "sentBody": {
    "other": "Jika akaun wujud untuk {email}, pautan log masuk sedang dihantar. Pautan ini tamat tempoh dalam {count} minit."
  },
  "signingIn": "Sedang log masuk…",
  "noscript": "Hidupkan JavaScript untuk melengkapkan log masuk, atau buka pautan itu sekali lagi.",
  "signOut": "Log keluar",
  "tooMany": "Terlalu banyak permintaan. Sila tunggu beberapa minit dan cuba lagi.",
  "sessionEnded": "Sesi anda telah tamat. Log masuk semula untuk meneruskan.",
  "unknownMerchant": "Halaman log masuk ini belum disediakan. Buka semula dari laman tempat anda melanggan.",
  "forbiddenTitle": "Borang ini tidak dapat dihantar",
  "forbiddenBody": "Borang ini bukan daripada halaman laman ini sendiri. Kembali, muat semula halaman dan cuba lagi.",
  "continueAs": "Teruskan sebagai {masked}",
  "magicConfirmBody": "Teruskan hanya jika anda sendiri yang meminta pautan log masuk ini. Jika tidak, tutup halaman ini: tiada apa-apa yang berlaku.",
  "confirmSubject": "Sahkan alamat e-mel baharu anda untuk {merchant}",
  "confirmAsked": "Seseorang telah meminta untuk menggunakan alamat ini bagi akaun {merchant}.",
  "confirmWithin": {
    "other": "Sahkan dalam tempoh {count} jam; sehingga itu akaun mengekalkan alamat semasanya."
  },
  "confirmButton": "Sahkan alamat baharu",
  "confirmIgnore": "Jika ini bukan anda, abaikan e-mel ini: tiada apa-apa yang berubah.",
  "requestedSubject": "Alamat e-mel {merchant} anda sedang ditukar",
  "requestedBody": "E-mel anda sedang ditukar kepada {masked}. Ia hanya berubah setelah alamat itu mengesahkannya.",
  "requestedWarn": "Jika ini bukan anda, batalkan perubahan ini. Tindakan ini juga melog keluar setiap peranti dan pautan yang menggunakan akaun anda.",
  "cancelButton": "Ini bukan saya — batalkan perubahan",
  "requestedNoop": {
    "other": "Jika ini anda, tiada apa-apa yang perlu dilakukan. Pautan pembatalan hanya boleh digunakan sekali, selama {count} jam."
  },
  "changedSubject": "Alamat e-mel {merchant} anda telah ditukar",
  "changedBody": "Alamat e-mel akaun {merchant} anda telah ditukar kepada {masked}. Setiap peranti yang log masuk ke akaun anda telah dilog keluar.",
  "changedWarn": "Jika ini bukan anda, buat asal perubahan ini: akaun anda mendapat semula alamat ini dan semua yang menggunakannya akan dilog keluar.",
  "undoButton": "Ini bukan saya — buat asal perubahan",
  "changedNoop": {
    "other": "Jika ini anda, tiada apa-apa yang perlu dilakukan. Pautan ini hanya boleh digunakan sekali, selama {count} jam."
  },
  "changeExpiredTitle": "Pautan ini telah tamat tempoh",
  "changeExpiredBody": "Pautan ini tidak sah, telah tamat tempoh atau sudah digunakan. Minta pautan baharu dari halaman akaun anda.",
  "confirmTitle": "Sahkan alamat e-mel baharu anda",
  "confirmQuestion": "Gunakan {email} untuk akaun {merchant} anda?",
  "changedTitle": "Alamat e-mel ditukar",
  "changedPage": "Akaun {merchant} anda kini menggunakan {email}. Log masuk semula dengan alamat itu. Anda boleh menutup halaman ini.",
  "inUseTitle": "Alamat sudah digunakan",
  "inUseBody": "{email} sudah digunakan oleh akaun lain dengan peniaga ini.",
  "cancelTitle": "Batalkan perubahan e-mel?",
  "cancelQuestion": "Hentikan perubahan alamat e-mel akaun {merchant} anda dan log keluar semua yang menggunakannya?",
  "undoTitle": "Buat asal perubahan e-mel?",
  "undoQuestion": "Kembalikan alamat e-mel ini kepada akaun {merchant} anda dan log keluar semua yang menggunakannya?",
  "cancelledTitle": "Perubahan e-mel dibatalkan",
  "cancelledBody": "Akaun {merchant} anda mengekalkan alamat e-mel ini, dan semua yang sedang log masuk telah dilog keluar. Anda boleh menutup halaman ini."
};
