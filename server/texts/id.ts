import type { Catalog } from './en.js';

export const id: Catalog = {
  "subject": "Tautan masuk Anda untuk {merchant}",
  "intro": {
    "other": "Gunakan tombol di bawah untuk masuk ke akun {merchant} Anda. Tautan ini hanya berlaku sekali dan kedaluwarsa dalam {count} menit."
  },
  "button": "Masuk",
  "copy": "Jika tombol tidak berfungsi, salin tautan ini ke browser Anda:",
  "ignore": "Jika Anda tidak meminta email ini, Anda dapat mengabaikannya.",
  "support": "Ada pertanyaan? Kirim email ke {email}.",
  "linkTitle": "Buka akun {merchant} Anda",
  "linkBody": "Lanjutkan untuk melihat dan mengelola langganan serta pembayaran Anda.",
  "continue": "Lanjutkan",
  "expiredTitle": "Tautan ini sudah kedaluwarsa",
  "expiredBody": {
    "other": "Tautan masuk hanya berlaku sekali dan hanya selama {count} menit. Kirim tautan baru untuk Anda:"
  },
  "emailLabel": "Alamat email",
  "sendNew": "Kirimkan tautan baru",
  "loginTitle": "Masuk ke {merchant}",
  "loginBody": "Masukkan alamat email Anda dan kami akan mengirimkan tautan masuk. Tidak perlu kata sandi.",
  "sendLink": "Kirimkan tautan masuk ke email saya",
  "sentTitle": "Periksa email Anda",
  "sentBody": {
    "other": "Jika ada akun untuk {email}, tautan masuk sedang dikirim. Tautan kedaluwarsa dalam {count} menit."
  },
  "signingIn": "Sedang memasukkan Anda…",
  "noscript": "Aktifkan JavaScript untuk menyelesaikan proses masuk, atau buka kembali tautannya.",
  "signOut": "Keluar",
  "tooMany": "Terlalu banyak permintaan. Harap tunggu beberapa menit dan coba lagi.",
  "sessionEnded": "Sesi Anda telah berakhir. Masuk kembali untuk melanjutkan.",
  "unknownMerchant": "Halaman masuk ini belum disiapkan. Buka kembali dari situs tempat Anda berlangganan.",
  "forbiddenTitle": "Formulir ini tidak dapat dikirim",
  "forbiddenBody": "Formulir ini tidak berasal dari halaman situs ini. Kembali, muat ulang halaman, lalu coba lagi.",
  "continueAs": "Lanjutkan sebagai {masked}",
  "magicConfirmBody": "Lanjutkan hanya jika Anda sendiri yang meminta tautan masuk ini. Jika tidak, tutup halaman ini: tidak akan terjadi apa-apa.",
  "confirmSubject": "Konfirmasi alamat email baru Anda untuk {merchant}",
  "confirmAsked": "Seseorang meminta agar alamat ini digunakan untuk akun {merchant}.",
  "confirmWithin": {
    "other": "Konfirmasikan dalam {count} jam; sampai saat itu akun tetap menggunakan alamat saat ini."
  },
  "confirmButton": "Konfirmasi alamat baru",
  "confirmIgnore": "Jika ini bukan Anda, abaikan email ini: tidak ada yang berubah.",
  "requestedSubject": "Alamat email {merchant} Anda sedang diubah",
  "requestedBody": "Email Anda sedang diubah menjadi {masked}. Perubahan hanya berlaku setelah alamat tersebut mengonfirmasinya.",
  "requestedWarn": "Jika ini bukan Anda, batalkan perubahan. Tindakan ini juga mengeluarkan semua perangkat dan tautan yang menggunakan akun Anda.",
  "cancelButton": "Ini bukan saya — batalkan perubahan",
  "requestedNoop": {
    "other": "Jika ini memang Anda, tidak ada yang perlu dilakukan. Tautan pembatalan hanya berlaku sekali, selama {count} jam."
  },
  "changedSubject": "Alamat email {merchant} Anda telah diubah",
  "changedBody": "Alamat email akun {merchant} Anda telah diubah menjadi {masked}. Semua perangkat yang masuk ke akun Anda telah dikeluarkan.",
  "changedWarn": "Jika ini bukan Anda, urungkan perubahan: akun Anda mendapatkan kembali alamat ini dan semua orang yang menggunakannya akan dikeluarkan.",
  "undoButton": "Ini bukan saya — urungkan perubahan",
  "changedNoop": {
    "other": "Jika ini memang Anda, tidak ada yang perlu dilakukan. Tautan ini hanya berlaku sekali, selama {count} jam."
  },
  "changeExpiredTitle": "Tautan ini sudah kedaluwarsa",
  "changeExpiredBody": "Tautan ini tidak valid, kedaluwarsa, atau sudah digunakan. Minta tautan baru dari halaman akun Anda.",
  "confirmTitle": "Konfirmasi alamat email baru Anda",
  "confirmQuestion": "Gunakan {email} untuk akun {merchant} Anda?",
  "changedTitle": "Alamat email diubah",
  "changedPage": "Akun {merchant} Anda sekarang menggunakan {email}. Masuk kembali dengan alamat tersebut. Anda dapat menutup halaman ini.",
  "inUseTitle": "Alamat sudah digunakan",
  "inUseBody": "{email} sudah digunakan oleh akun lain di merchant ini.",
  "cancelTitle": "Batalkan perubahan email?",
  "cancelQuestion": "Hentikan perubahan alamat email akun {merchant} Anda dan keluarkan semua orang yang menggunakannya?",
  "undoTitle": "Urungkan perubahan email?",
  "undoQuestion": "Kembalikan alamat email ini ke akun {merchant} Anda dan keluarkan semua orang yang menggunakannya?",
  "cancelledTitle": "Perubahan email dibatalkan",
  "cancelledBody": "Akun {merchant} Anda tetap menggunakan alamat email ini, dan semua orang yang sedang masuk telah dikeluarkan. Anda dapat menutup halaman ini."
};
