/** The add-on's dialogs as HTML strings (one bundle file; no HTML files to push). */

const STYLE = `<style>
body{font-family:Arial,sans-serif;font-size:13px;color:#1d2733;margin:0;padding:4px 8px}
h3{color:#0b4f8a;margin:4px 0 10px}select,button{font-size:13px;padding:6px 10px}
button.primary{background:#0b4f8a;color:#fff;border:0;border-radius:4px}
#status{margin-top:12px;color:#0b4f8a}#status.error{color:#b03a2e}li{margin-bottom:4px}
</style>`;

export const GENERATE_DIALOG = `<!doctype html><html><head><base target="_top">${STYLE}</head><body>
<p>Pilih bulan laporan. Tab <b>Laporan YYYY-MM</b>, <b>Validasi</b> dan <b>Tren</b> akan dibuat ulang; tab yang diisi agen tidak diubah.</p>
<p><select id="month" disabled><option>Memuat daftar bulan…</option></select></p>
<p><button class="primary" id="go" disabled onclick="run()">Buat Laporan</button> <button onclick="google.script.host.close()">Tutup</button></p>
<div id="status"></div>
<script>
function show(text, isError){var s=document.getElementById('status');s.textContent=text;s.className=isError?'error':'';}
google.script.run.withSuccessHandler(function(data){
  var select=document.getElementById('month');select.innerHTML='';
  data.months.forEach(function(m){var o=document.createElement('option');o.value=m.value;o.textContent=m.label+(m.hasData?'':' (belum ada data)');if(m.value===data.defaultMonth)o.selected=true;select.appendChild(o);});
  select.disabled=false;document.getElementById('go').disabled=false;
}).withFailureHandler(function(e){show(e.message,true);}).getReportMonths();
function run(){
  var month=document.getElementById('month').value;document.getElementById('go').disabled=true;show('Membuat laporan '+month+'…');
  google.script.run.withSuccessHandler(function(message){show(message,false);document.getElementById('go').disabled=false;})
    .withFailureHandler(function(e){show(e.message,true);document.getElementById('go').disabled=false;}).generateReport(month);
}
</script></body></html>`;

export const HELP_DIALOG = `<!doctype html><html><head><base target="_top">${STYLE}</head><body>
<h3>Laporan Layanan Informasi DJPK</h3>
<ol>
<li><b>Buat Template</b> menambahkan tab pencatatan yang belum ada (Tiket, Chatbot, Publikasi, …) lengkap dengan judul kolom dan daftar pilihan. Tab yang sudah ada tidak disentuh.</li>
<li>Agen mengisi tab setiap hari: satu baris per tiket/kegiatan. Tanggal boleh ditulis 15/01/2025 10:30; angka boleh 1.010 atau 81,58.</li>
<li><b>Generate Report…</b> memilih bulan dan membuat tab <b>Laporan YYYY-MM</b> (angka, perbandingan dengan bulan sebelumnya dan tahun lalu, kalimat, grafik), <b>Validasi</b> dan <b>Tren</b>.</li>
<li>Buka tab <b>Validasi</b>: setiap temuan menunjuk tab, sel dan kolom. Klik selnya, perbaiki, lalu buat laporan lagi. Baris bergalat tidak dihitung.</li>
<li><b>Jadwalkan Otomatis</b> membuat laporan bulan sebelumnya setiap bulan pada tanggal yang dipilih (pukul 07.00 WIB). <b>Hentikan Jadwal</b> mematikannya.</li>
</ol>
<p>Pengaturan jam layanan, hari libur, unit Layer 2 dan desimal persen ada di tab <b>Pengaturan</b> dan <b>Hari Libur</b>.</p>
<button onclick="google.script.host.close()">Tutup</button></body></html>`;
