/**
 * The add-on's dialogs as HTML strings. Help is served from Code.js; Generate Report becomes the
 * project file GenerateDialog.html (build.ts), since it carries the deck renderers.
 */

const STYLE = `<style>
body{font-family:Arial,sans-serif;font-size:13px;color:#1d2733;margin:0;padding:4px 8px}
h3{color:#0b4f8a;margin:4px 0 10px}select,button{font-size:13px;padding:6px 10px}
button.primary{background:#0b4f8a;color:#fff;border:0;border-radius:4px}
#status{margin-top:12px;color:#0b4f8a;white-space:pre-line}#status.error{color:#b03a2e}li{margin-bottom:4px}
</style>`;

/** Where build.ts puts the deck renderers' bundle (it defines the global `DjpkDeck`). */
export const DECK_SCRIPT_SLOT = '<!--DECK_SCRIPT-->';

/**
 * Generate Report: the month, "Buat Laporan" (server side writes the tabs) and "Unduh PPTX" /
 * "Unduh PDF" (server side returns the deck as data, DjpkDeck draws the file here). Every text that
 * comes from the sheet is set with textContent, so it stays text.
 */
export const GENERATE_DIALOG = `<!doctype html><html><head><base target="_top">${STYLE}
<style>.row{margin:10px 0}#notices{margin:8px 0 0;padding-left:18px;color:#8a5a00}#save{display:inline-block;margin-top:8px}</style>
</head><body>
<p>Pilih bulan laporan. <b>Buat Laporan</b> membuat ulang tab <b>Laporan YYYY-MM</b>, <b>Validasi</b> dan <b>Tren</b>; tab yang diisi agen tidak diubah. <b>Unduh</b> membuat deck bulan itu (seperti laporan bulanan tim) tanpa mengubah spreadsheet.</p>
<div class="row"><select id="month" disabled><option>Memuat daftar bulan…</option></select></div>
<div class="row"><button class="primary" id="go" disabled onclick="run()">Buat Laporan</button>
<button id="pptx" disabled onclick="download('pptx')">Unduh PPTX</button>
<button id="pdf" disabled onclick="download('pdf')">Unduh PDF</button>
<button onclick="google.script.host.close()">Tutup</button></div>
<div id="status" role="status"></div>
<a id="save" hidden></a>
<ul id="notices" hidden></ul>
${DECK_SCRIPT_SLOT}
<script>
var BUTTONS=['go','pptx','pdf'];var decks={};var saved=null;
function busy(on){BUTTONS.forEach(function(id){document.getElementById(id).disabled=on;});}
function show(text, isError){var s=document.getElementById('status');s.textContent=text;s.className=isError?'error':'';}
function notices(lines){var ul=document.getElementById('notices');ul.innerHTML='';(lines||[]).forEach(function(t){var li=document.createElement('li');li.textContent=t;ul.appendChild(li);});ul.hidden=!(lines&&lines.length);}
function month(){return document.getElementById('month').value;}
function sizeText(n){return n<1048576?Math.max(1,Math.round(n/1024))+' KB':(n/1048576).toFixed(1).replace('.',',')+' MB';}
google.script.run.withSuccessHandler(function(data){
  var select=document.getElementById('month');select.innerHTML='';
  data.months.forEach(function(m){var o=document.createElement('option');o.value=m.value;o.textContent=m.label+(m.hasData?'':' (belum ada data)');if(m.value===data.defaultMonth)o.selected=true;select.appendChild(o);});
  select.disabled=false;busy(false);
}).withFailureHandler(function(e){show(e.message,true);}).getReportMonths();
function run(){
  var m=month();busy(true);decks={};notices([]);show('Membuat laporan '+m+'…');
  google.script.run.withSuccessHandler(function(message){show(message,false);busy(false);})
    .withFailureHandler(function(e){show(e.message,true);busy(false);}).generateReport(m);
}
function offer(file){
  var a=document.getElementById('save');if(saved)URL.revokeObjectURL(saved);
  saved=URL.createObjectURL(new Blob([file.bytes],{type:file.mime}));
  a.href=saved;a.download=file.name;a.textContent='Simpan '+file.name+' ('+sizeText(file.bytes.length)+')';a.hidden=false;
  try{a.click();}catch(e){}
}
function download(format){
  var m=month();busy(true);document.getElementById('save').hidden=true;notices([]);
  var draw=function(payload){
    show('Membuat '+format.toUpperCase()+' ('+payload.deck.slides.length+' slide)…');
    DjpkDeck.deckFile(payload,format).then(function(file){
      offer(file);notices(payload.notices.concat(file.notices));show(format.toUpperCase()+' '+payload.deck.monthLabel+' siap: '+payload.deck.slides.length+' slide. Bila unduhan tidak mulai, klik tautan di bawah.');busy(false);
    },function(e){show('Berkas '+format.toUpperCase()+' tidak dapat dibuat: '+(e&&e.message?e.message:e),true);busy(false);});
  };
  if(decks[m]){draw(decks[m]);return;}
  show('Menyiapkan data '+m+'…');
  google.script.run.withSuccessHandler(function(payload){decks[m]=payload;draw(payload);})
    .withFailureHandler(function(e){show(e.message,true);busy(false);}).getDeckData(m);
}
</script></body></html>`;

export const HELP_DIALOG = `<!doctype html><html><head><base target="_top">${STYLE}</head><body>
<h3>Laporan Layanan Informasi DJPK</h3>
<ol>
<li><b>Buat Template</b> menambahkan tab pencatatan yang belum ada (Tiket, Chatbot, Publikasi, …) lengkap dengan judul kolom dan daftar pilihan. Tab yang sudah ada tidak disentuh.</li>
<li>Agen mengisi tab setiap hari: satu baris per tiket/kegiatan. Tanggal boleh ditulis 15/01/2025 10:30; angka boleh 1.010 atau 81,58.</li>
<li><b>Generate Report…</b> memilih bulan dan membuat tab <b>Laporan YYYY-MM</b> (angka, perbandingan dengan bulan sebelumnya dan tahun lalu, kalimat, grafik), <b>Validasi</b> dan <b>Tren</b>. Tombol <b>Unduh PPTX</b> dan <b>Unduh PDF</b> di dialog yang sama membuat deck bulan itu; penjelasan tim diisi di tab <b>Narasi</b>, kontak dan alamat di tab <b>Profil Layanan</b>.</li>
<li>Buka tab <b>Validasi</b>: setiap temuan menunjuk tab, sel dan kolom. Klik selnya, perbaiki, lalu buat laporan lagi. Baris bergalat tidak dihitung.</li>
<li>Ringkasan bulanan dikirim otomatis ke kanal Teams oleh bot <b>Laporan DJPK</b>; add-on ini dijalankan dari menu bila laporan atau deck diperlukan.</li>
</ol>
<p>Pengaturan jam layanan, hari libur, unit Layer 2 dan desimal persen ada di tab <b>Pengaturan</b> dan <b>Hari Libur</b>.</p>
<button onclick="google.script.host.close()">Tutup</button></body></html>`;
