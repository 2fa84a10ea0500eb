import { closestMatch, looseKey } from '../text/textMatch';
import { type CellValue, type Coerced, fail, ok, quoteText } from './cells';

export interface EnumValue<Id extends string> {
  readonly id: Id;
  /** The Indonesian display name, as the seeds write it. */
  readonly label: string;
  readonly aliases: readonly string[];
}

/** A closed list of values a column accepts, with the spellings agents actually use. */
export class EnumSpec<Id extends string> {
  private readonly byKey = new Map<string, Id>();
  private readonly spellings: { id: Id; text: string }[] = [];
  private readonly labels = new Map<Id, string>();

  constructor(
    /** What the column is called in messages: "Kanal". */
    readonly name: string,
    readonly values: readonly EnumValue<Id>[],
  ) {
    for (const value of values) {
      this.labels.set(value.id, value.label);
      for (const text of [value.label, value.id, ...value.aliases]) {
        this.byKey.set(looseKey(text), value.id);
        this.spellings.push({ id: value.id, text });
      }
    }
  }

  get ids(): Id[] {
    return this.values.map((v) => v.id);
  }

  label(id: string): string {
    return this.labels.get(id as Id) ?? id;
  }

  lookup(text: string): Id | null {
    return this.byKey.get(looseKey(text)) ?? null;
  }

  coerce(cell: CellValue): Coerced<Id> {
    const text = typeof cell === 'string' ? cell.trim() : String(cell ?? '');
    const id = this.lookup(text);
    if (id !== null) return ok(id);
    const near = closestMatch(text, this.spellings, (s) => s.text);
    const allowed = this.values.map((v) => v.label).join(', ');
    const quoted = quoteText(text);
    return fail(
      near
        ? `${this.name} '${quoted}' tidak dikenal; maksud Anda '${this.label(near.id)}'?`
        : `${this.name} '${quoted}' tidak dikenal; pilih salah satu: ${allowed}`,
    );
  }
}

const v = <Id extends string>(id: Id, label: string, ...aliases: string[]): EnumValue<Id> => ({ id, label, aliases });

export const CHANNELS = new EnumSpec('Kanal', [
  v('whatsapp', 'WhatsApp', 'WA', 'Whats App'),
  v('telepon', 'Telepon', 'Dering', 'Dering DJPK', 'Telp', 'Telpon', 'Phone', 'Call Center'),
  v('email', 'Email', 'E-mail', 'Email Call Center', 'Surel'),
  v('helpdesk', 'Help Desk', 'HAI Kemenkeu', 'Hai', 'Helpdesk'),
  v('livechat', 'Live Chat', 'Webchat', 'Web Chat', 'Chat'),
] as const);
export type ChannelId = (typeof CHANNELS.values)[number]['id'];

export const USER_CATEGORIES = new EnumSpec('Kategori Pengguna', [
  v('pemda', 'Pemda', 'Pemerintah Daerah', 'DPRD', 'Pemkab', 'Pemkot', 'Pemprov'),
  v('kl', 'Kementerian/Lembaga', 'K/L', 'KL', 'Kementerian', 'Lembaga'),
  v('akademisi', 'Akademisi', 'Mahasiswa', 'Dosen', 'Guru', 'Siswa', 'Peneliti'),
  v('lainnya', 'Lainnya', 'Masyarakat', 'Swasta', 'Media', 'Wartawan', 'Umum'),
] as const);
export type UserCategoryId = (typeof USER_CATEGORIES.values)[number]['id'];

export const ZONES = new EnumSpec('Zona Waktu', [
  v('wib', 'WIB', 'Barat', 'GMT+7'),
  v('wita', 'WITA', 'Tengah', 'GMT+8'),
  v('wit', 'WIT', 'Timur', 'GMT+9'),
] as const);
export type ZoneId = (typeof ZONES.values)[number]['id'];

export const SERVICE_HOURS = new EnumSpec('Jam Layanan', [
  v('dalam', 'Dalam', 'Dalam Jam', 'Dalam Jam Layanan', 'Di Dalam'),
  v('luar', 'Luar', 'Luar Jam', 'Luar Jam Layanan', 'Di Luar'),
] as const);
export type ServiceHoursId = (typeof SERVICE_HOURS.values)[number]['id'];

export const YES_NO = new EnumSpec('Nilai Ya/Tidak', [
  v('ya', 'Ya', 'Y', 'Yes', 'True', '1', 'Iya'),
  v('tidak', 'Tidak', 'T', 'No', 'N', 'False', '0', 'Tdk'),
] as const);
export type YesNoId = (typeof YES_NO.values)[number]['id'];

export const PUBLICATION_TYPES = new EnumSpec('Jenis Publikasi', [
  v('peraturan', 'Peraturan', 'Regulasi'),
  v('pemberitahuankedaerah', 'Pemberitahuan ke Daerah', 'Pemberitahuan'),
  v('ppid', 'PPID'),
  v('lpefd', 'LPEFD'),
  v('apbd', 'APBD'),
  v('jurnaldefis', 'Jurnal Defis', 'Jurnal'),
  v('majalah', 'Majalah', 'Majalah Defis', 'Majalah Media Defis'),
  v('berita', 'Berita'),
  v('bahansosialisasi', 'Bahan Sosialisasi'),
  v('layananinformasi', 'Layanan Informasi'),
  v('publikasilainnya', 'Publikasi Lainnya', 'Lainnya'),
] as const);

export const BLAST_MEDIA = new EnumSpec('Media Blast', [
  v('whatsapp', 'WhatsApp', 'WA', 'WA Blast', 'WhatsApp Blast'),
  v('email', 'Email', 'E-mail', 'Email Blast'),
] as const);
export type BlastMediaId = (typeof BLAST_MEDIA.values)[number]['id'];

export const COMPLAINT_TYPES = new EnumSpec('Jenis', [
  v('pengaduan', 'Pengaduan', 'Aduan'),
  v('keluhan', 'Keluhan', 'Komplain'),
] as const);

export const CALL_STATUSES = new EnumSpec('Status', [
  v('terjawab', 'Terjawab', 'Answered', 'Diangkat'),
  v('abandon', 'Abandon', 'Abandoned', 'Tidak Terjawab', 'Abandon Call'),
  v('antrian', 'Antrian Tidak Terjawab', 'Antrian', 'Queue', 'Queue Call'),
] as const);
export type CallStatusId = (typeof CALL_STATUSES.values)[number]['id'];

export const PLATFORMS = new EnumSpec('Platform', [
  v('instagram', 'Instagram', 'IG'),
  v('x', 'X', 'Twitter', 'X/Twitter', 'X (Twitter)'),
  v('facebook', 'Facebook', 'FB'),
  v('youtube', 'YouTube', 'YT'),
  v('tiktok', 'TikTok'),
] as const);
export type PlatformId = (typeof PLATFORMS.values)[number]['id'];

/** Layer 2 units; the list can be changed in `Pengaturan` ("Unit Layer 2"). */
export const DEFAULT_LAYER2_UNITS = ['Sekretariat', 'DTU', 'DTK', 'P2D', 'PDRD', 'DDIOKK', 'SIPT'] as const;

export const layer2UnitSpec = (units: readonly string[]): EnumSpec<string> =>
  new EnumSpec(
    'Unit Layer 2',
    units.map((unit) => v(looseKey(unit), unit)),
  );
