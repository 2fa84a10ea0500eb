import { constants } from 'node:fs';
import { type FileHandle, open, realpath } from 'node:fs/promises';

/**
 * Files a person names (a data file, a CSV tab, the logo) are opened only when they are regular
 * files, and never read past a cap. A FIFO would block the reader until someone writes to it (and
 * a libuv thread with it), a device such as /dev/zero never ends, and /proc or /sys files claim a
 * size of 0 whatever they hold: so the file is opened without blocking, checked on its open
 * descriptor (no race between a check and the open), and read by count, not by its stated size.
 */

export type FileRefusal = 'missing' | 'notRegular' | 'tooBig' | 'unreadable';

const MESSAGES: Record<FileRefusal, string> = {
  missing: 'berkas tidak ditemukan',
  notRegular: 'bukan berkas biasa, mis. FIFO atau perangkat',
  tooBig: 'berkas terlalu besar',
  unreadable: 'berkas tidak dapat dibaca',
};

/** Why a file was not read; the message is Indonesian and names no path (callers name the file). */
export class RegularFileError extends Error {
  constructor(
    readonly reason: FileRefusal,
    readonly path: string,
    /** The system's error code (EACCES …), when the system refused. */
    readonly code?: string,
  ) {
    super(MESSAGES[reason]);
  }
}

/** Kernel and device trees: their "files" are not the team's data whatever they are named. */
const SYSTEM_TREES = /^\/(proc|sys|dev)(\/|$)/;

/** The regular file at `path`, opened for reading; throws RegularFileError otherwise. */
export async function openRegularFile(path: string): Promise<FileHandle> {
  let file: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new RegularFileError(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', path, code);
  }
  try {
    const info = await file.stat();
    const real = await realpath(path).catch(() => path);
    if (!info.isFile() || SYSTEM_TREES.test(real)) throw new RegularFileError('notRegular', path);
    return file;
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** The size of the regular file at `path` (refused as `openRegularFile` refuses). */
export async function regularFileSize(path: string): Promise<number> {
  const file = await openRegularFile(path);
  try {
    return (await file.stat()).size;
  } finally {
    await file.close();
  }
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them: a longer file is refused
 * after reading `maxBytes + 1`, whatever size it claims.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const file = await openRegularFile(path);
  try {
    const { size } = await file.stat();
    if (size > maxBytes) throw new RegularFileError('tooBig', path);
    // One read into a buffer of the stated size plus one byte, which also sees a file that grew.
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new RegularFileError('tooBig', path);
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(64 * 1024, length * 2)));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new RegularFileError('tooBig', path);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof RegularFileError) throw error;
    throw new RegularFileError('unreadable', path);
  } finally {
    await file.close();
  }
}
