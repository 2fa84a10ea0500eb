import { stat } from 'node:fs/promises';
import { DEFAULT_SETTINGS } from '../../core/workbook/settings';
import { pemdaListTab, templateTabs } from '../../core/workbook/template';
import { templateWorkbook } from '../../formats/xlsx/templateWorkbook';
import { CliError } from '../errors';
import { checkedTarget, writeOutputFile } from '../safeWrite';
import type { CliIo } from './report';

export async function templateCommand(options: { out: string; force: boolean }, io: CliIo): Promise<number> {
  if (!options.out.toLowerCase().endsWith('.xlsx')) throw new CliError('--out untuk template harus berakhiran .xlsx');
  if (!options.force && (await stat(options.out).catch(() => null))) {
    throw new CliError(`Berkas ${options.out} sudah ada; pakai nama lain atau --force untuk menimpa`);
  }
  const path = await checkedTarget(options.out, null);
  await writeOutputFile(path, await templateWorkbook(templateTabs(DEFAULT_SETTINGS.layer2Units), [pemdaListTab()]));
  io.stderr(`Template ditulis: ${path}\n`);
  return 0;
}
