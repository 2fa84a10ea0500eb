/**
 * npm run manifest: fills the app ID (MicrosoftAppId, or a fixed local placeholder), validates the
 * manifest against the official schema shipped in @microsoft/app-manifest (offline), draws the
 * icons and writes dist/djpk-bot.zip for sideloading.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { colorIcon, outlineIcon } from './icons';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Used when no MicrosoftAppId is set (local Playground); Teams needs a GUID. */
export const LOCAL_APP_ID = '00000000-0000-4000-8000-00000000d1b4';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function buildManifest(
  appId = process.env.MicrosoftAppId || LOCAL_APP_ID,
): Promise<{ manifest: AppManifest; errors: string[]; zipPath: string }> {
  if (!GUID.test(appId)) throw new Error(`MicrosoftAppId '${appId}' bukan GUID`);
  const template = await readFile(`${root}manifest/manifest.template.json`, 'utf8');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the template's own placeholder syntax, not a JS template.
  const manifest = JSON.parse(template.replaceAll('${{APP_ID}}', appId)) as AppManifest;
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', colorIcon());
  zip.file('outline.png', outlineIcon());
  await mkdir(`${root}dist`, { recursive: true });
  const zipPath = `${root}dist/djpk-bot.zip`;
  await writeFile(zipPath, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return { manifest, errors, zipPath };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { errors, zipPath } = await buildManifest();
    if (errors.length) {
      process.stderr.write(`Manifest tidak valid:\n${errors.join('\n')}\n`);
      process.exit(1);
    }
    process.stderr.write(`Paket aplikasi Teams ditulis: ${zipPath}\n`);
  } catch (error) {
    process.stderr.write(`Galat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
