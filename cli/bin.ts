import { runCli } from './main';

const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };
process.exitCode = await runCli(process.argv.slice(2), io);
