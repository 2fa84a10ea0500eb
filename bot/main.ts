/** npm run bot: the Teams bot's HTTP server on the configured workbook (default: the bundled sample). */
import { runBot } from './run';

await runBot();
