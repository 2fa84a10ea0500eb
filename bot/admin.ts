import { parseQuestion } from '../core/ask/parseQuestion';
import { dateTimeNumeric, monthLabel } from '../core/format/idDate';
import { type MonthIndex, monthOfWallClock, wibWallClock } from '../core/period/yearMonth';
import type { ChannelRecord, ChannelStore } from './post/channelStore';
import type { PostLedger, PostRecord } from './post/ledger';
import { type MonthlyPoster, monthlyPostKey, uncertainAdvice } from './post/monthlyPost';
import { MonthlySchedule } from './post/schedule';

export type AdminCommand =
  | { readonly kind: 'send'; readonly monthText: string; readonly force: boolean }
  | { readonly kind: 'status' }
  | { readonly kind: 'setChannel' };

/** "kirim ringkasan januari 2025 [paksa]", "status jadwal", "atur kanal ringkasan"; null for anything else. */
export function adminCommandOf(text: string): AdminCommand | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^status jadwal$/.test(t)) return { kind: 'status' };
  if (/^atur kanal ringkasan( di sini)?$/.test(t)) return { kind: 'setChannel' };
  const send = /^kirim ringkasan ?(.*?)( paksa)?$/.exec(t);
  if (send) return { kind: 'send', monthText: send[1] ?? '', force: Boolean(send[2]) };
  return null;
}

export interface AdminDeps {
  readonly adminIds: readonly string[];
  readonly poster: MonthlyPoster;
  readonly channels: ChannelStore;
  readonly ledger: PostLedger;
  readonly schedule: MonthlySchedule;
  readonly monthsWithData: () => Promise<MonthIndex[]>;
  readonly now: () => number;
  /** DJPK_CHANNEL_ID: when set, the post's channel is fixed by configuration. */
  readonly configuredChannelId?: string | undefined;
}

/** Where an admin command was typed: the Teams channel, or null in a personal or group chat. */
export type CommandPlace = ChannelRecord | null;

const wib = (ms: number) => `${dateTimeNumeric(wibWallClock(ms), true)} WIB`;

/** One sentence on a (channel, month)'s ledger record, for "status jadwal". */
function postState(record: PostRecord | null, month: MonthIndex): string {
  if (!record) return 'belum ada.';
  switch (record.state) {
    case 'sent':
      return `terkirim ${wib(record.sentAt ?? 0)}.`;
    case 'claimed':
    case 'sending':
      return `sedang dikirim (sejak ${wib(record.claimedAt)}).`;
    case 'failed':
      return `gagal (${record.reason ?? 'tanpa keterangan'}); dicoba lagi otomatis.`;
    case 'uncertain':
      return `TIDAK PASTI terkirim (${record.reason ?? 'tanpa keterangan'}); tidak dikirim ulang otomatis. ${uncertainAdvice(month)}`;
  }
}

/** Runs an admin command for the AAD user `userId`; the reply is plain Indonesian text. */
export async function runAdminCommand(
  command: AdminCommand,
  userId: string | undefined,
  deps: AdminDeps,
  place: CommandPlace = null,
): Promise<string> {
  if (!userId || !deps.adminIds.includes(userId)) return 'Perintah ini hanya untuk admin Laporan DJPK.';
  const now = deps.now();
  if (command.kind === 'setChannel') return setChannel(place, deps, now);
  if (command.kind === 'send') {
    const current = monthOfWallClock(wibWallClock(now));
    const question = parseQuestion(`ringkasan ${command.monthText || 'bulan lalu'}`, {
      currentMonth: current,
      monthsWithData: await deps.monthsWithData(),
    });
    const month = question.kind === 'summary' ? question.month : current - 1;
    return (await deps.poster.post(month, { force: command.force })).message;
  }
  const channel = await deps.channels.get();
  const next = deps.schedule.next(now);
  const lastDue = deps.schedule.lastDue(now, 62 * 86_400_000);
  const lastMonth = MonthlySchedule.reportMonth(lastDue ?? now);
  const record = channel ? await deps.ledger.get(monthlyPostKey(channel.channelId, lastMonth)) : null;
  return [
    `Jadwal berikutnya: ${next === null ? 'tidak ada' : wib(next)} (ringkasan ${monthLabel(MonthlySchedule.reportMonth(next ?? now))}).`,
    `Kiriman terakhir (${monthLabel(lastMonth)}): ${postState(record, lastMonth)}`,
    channel
      ? `Kanal: ${channel.teamName ?? channel.channelId}${channel.inactive ? ` (TIDAK AKTIF: ${channel.inactive.reason})` : ''}.`
      : NO_CHANNEL_YET,
  ].join('\n');
}

/** What to do while the post has nowhere to go. */
export const NO_CHANNEL_YET =
  'Kanal: belum ada; admin mengetik "@Laporan DJPK atur kanal ringkasan" di kanal tim DJPK (atau isi DJPK_CHANNEL_ID).';

/** "atur kanal ringkasan" typed in a channel: the monthly post goes there from now on. */
async function setChannel(place: CommandPlace, deps: AdminDeps, now: number): Promise<string> {
  if (!place)
    return 'Ketik perintah ini di kanal tim DJPK dengan menyebut @Laporan DJPK; di chat pribadi tidak ada kanal yang dapat dipilih.';
  if (deps.configuredChannelId && deps.configuredChannelId !== place.channelId)
    return 'Kanal ringkasan ditetapkan oleh konfigurasi bot (DJPK_CHANNEL_ID) dan tidak dipindah dengan perintah ini.';
  await deps.channels.save({ ...place, learnedAt: now });
  const name = [place.teamName, place.channelName].filter(Boolean).join(' — ') || place.channelId;
  return `Kanal ringkasan bulanan: ${name}. Ringkasan berikutnya dikirim ke kanal ini.`;
}
