import { parseArgs } from 'node:util';
import { quoteText } from '../core/workbook/cells';
import { type CliIo, FORMATS, type Format, reportCommand } from './commands/report';
import { templateCommand } from './commands/template';
import { VALIDATE_FORMATS, type ValidateFormat, validateCommand } from './commands/validate';
import { CliError } from './errors';
import { inertText } from './terminal';

export const USAGE = `Pemakaian:
  djpk-report report   --data BERKAS.xlsx|FOLDER [--month YYYY-MM] [--format json|md|html|xlsx|pptx|pdf[,…]]
                       [--out BERKAS | --out-dir FOLDER] [--strict]
  djpk-report validate --data BERKAS.xlsx|FOLDER [--month YYYY-MM] [--format text|html|md|json]
                       [--out BERKAS]
  djpk-report template --out BERKAS.xlsx [--force]

  --month   bulan laporan; bawaan: bulan terakhir yang memiliki data
  --format  report: bawaan html; json dan md tanpa --out dicetak ke stdout; pptx dan pdf: deck slide 16:9
            validate: bawaan text (tabel di terminal); html, md, json tanpa --out ke stdout
  --strict  kode keluar 1 bila ada galat data pada bulan laporan
`;

const OPTIONS = {
  data: { type: 'string' },
  month: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  strict: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseFormats(text: string | undefined): Format[] {
  const formats = (text ?? 'html').split(',').map((f) => f.trim().toLowerCase());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f))
      throw new CliError(`Format '${f}' tidak dikenal; pilih ${FORMATS.join(', ')}`);
  }
  return formats as Format[];
}

function parseValidateFormat(text: string | undefined): ValidateFormat {
  const format = (text ?? 'text').trim().toLowerCase();
  if (!(VALIDATE_FORMATS as readonly string[]).includes(format))
    throw new CliError(`Format '${format}' tidak dikenal untuk validate; pilih ${VALIDATE_FORMATS.join(', ')}`);
  return format as ValidateFormat;
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  // Cell text reaches findings, warnings and Markdown: nothing printed may steer the terminal.
  const io: CliIo = {
    stdout: (text) => terminal.stdout(inertText(text)),
    stderr: (text) => terminal.stderr(inertText(text)),
  };
  try {
    const { positionals, values } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command] = positionals;
    if (values.help || command === undefined) {
      io.stdout(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    const requireData = () => {
      if (!values.data) throw new CliError('--data wajib diisi: berkas .xlsx atau folder CSV');
      return values.data;
    };
    switch (command) {
      case 'report':
        return await reportCommand(
          {
            data: requireData(),
            month: values.month,
            formats: parseFormats(values.format),
            out: values.out,
            outDir: values['out-dir'] ?? 'out',
            strict: values.strict,
          },
          io,
        );
      case 'validate':
        return await validateCommand(
          { data: requireData(), month: values.month, format: parseValidateFormat(values.format), out: values.out },
          io,
        );
      case 'template':
        if (!values.out) throw new CliError('--out wajib diisi untuk template');
        return await templateCommand({ out: values.out, force: values.force }, io);
      default:
        throw new CliError(`Perintah '${command}' tidak dikenal; pilih report, validate atau template`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`Galat: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`Galat: ${error.message}\n${USAGE}`);
      return 2;
    }
    // Anything else is a defect, not the user's doing: still one line, never a stack trace.
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr(`Galat: terjadi kesalahan tak terduga; laporan tidak dibuat (rincian: ${quoteText(detail ?? '')})\n`);
    return 2;
  }
}
