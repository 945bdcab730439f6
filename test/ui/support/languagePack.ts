// A minimal zh-cn language pack, built at run time (none can be downloaded here), so that code-server
// started with `--locale zh-cn` really runs in Chinese: without an installed pack for the locale the
// workbench and `vscode.env.language` stay English whatever `--locale` says, and so do our texts.
// It translates a few workbench strings only (the bottom panel's tab titles); everything it leaves
// out stays English, which keeps the command titles the shared helpers type ("View: Focus Problems")
// and the status bar's "Ln x, Col y" working.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PACK_LOCALE = 'zh-cn';
const PUBLISHER = 'dwtasks-test';
const NAME = 'zh-cn-ui-test-pack';
const VERSION = '1.0.0';

/** Workbench strings the pack translates: module -> key -> text (keys from code-server's out/nls.keys.json). */
const TRANSLATIONS: Record<string, Record<string, string>> = {
  'vs/workbench/contrib/markers/browser/markers.contribution': { problems: '问题' },
  'vs/workbench/contrib/markers/browser/messages': { 'markers.panel.title.problems': '问题' },
  'vs/workbench/contrib/output/browser/output.contribution': { output: '输出' },
  'vs/workbench/contrib/debug/browser/debug.contribution': { debugPanel: '调试控制台' },
  'vs/workbench/contrib/terminal/browser/terminal.contribution': { terminal: '终端' },
  'vs/workbench/contrib/remote/browser/remoteExplorer': { ports: '端口' },
};

/** Writes the pack's folder and packages it with vsce (a devDependency); returns the .vsix path. */
export function buildLanguagePack(root: string, scratch: string): string {
  const dir = join(scratch, 'language-pack');
  mkdirSync(join(dir, 'translations'), { recursive: true });
  const manifest = {
    name: NAME,
    displayName: 'zh-cn language pack of the UI tests',
    description: 'A few workbench strings in Chinese, so that --locale zh-cn takes effect.',
    publisher: PUBLISHER,
    version: VERSION,
    license: 'MIT',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: PACK_LOCALE,
          languageName: 'Chinese Simplified',
          localizedLanguageName: '中文(简体)',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: VERSION, contents: TRANSLATIONS }, null, 2));
  const vsix = join(scratch, `${NAME}.vsix`);
  const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the zh-cn language pack failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

/**
 * Registers the installed pack in the user-data-dir's languagepacks.json, which the server reads to
 * resolve a locale (for the workbench's texts and the extension host's language). The server writes
 * this file itself only when a running server installs a pack (its language-pack service listens to
 * installs); `--install-extension` on the command line does not, so we write what it would.
 */
export function registerLanguagePack(userDataDir: string, extensionsDir: string): void {
  const id = `${PUBLISHER}.${NAME}`;
  const translations = join(extensionsDir, `${id}-${VERSION}`, 'translations', 'main.i18n.json');
  if (!existsSync(translations)) throw new Error(`the zh-cn language pack is not installed where expected: ${translations}`);
  const entry = {
    // The server's own hash: md5 of id and version (it names the cache of generated messages).
    hash: createHash('md5').update(id).update(VERSION).digest('hex'),
    extensions: [{ extensionIdentifier: { id }, version: VERSION }],
    translations: { vscode: translations },
    label: '中文(简体)',
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [PACK_LOCALE]: entry }));
}

/**
 * Chinese glyphs for the screenshots: without a CJK font Chromium draws every Chinese character as a
 * box, and the screenshots cannot be read (Debian package fonts-wqy-microhei, scripts/setup-system.sh).
 */
export function assertChineseFont(): void {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.trim()) {
    throw new Error('no Chinese font is installed (fc-list :lang=zh is empty): install fonts-wqy-microhei (scripts/setup-system.sh does)');
  }
}
