// The workbench driven as a keyboard user drives it, each step waiting on what the page shows. On a
// busy machine a click can land on a menu still being laid out or a list row being re-rendered and
// be lost; a key goes to whatever holds focus, and the page then shows where focus went. So: a quick
// pick row is reached with the arrow keys and chosen with Enter, a tree row's context menu opens
// with Shift+F10 and is walked with the arrow keys, a multi-select pick is ticked with Space.
import type { Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';
const PICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Matches a whole text (Playwright's hasText with a string matches any part). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escaped(text)}\\s*$`);
}

/** The quick input's text box, once it is shown. */
export async function quickInputBox(page: Page): Promise<Locator> {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible' });
  return input;
}

/**
 * Chooses the row of the open quick pick whose label is `label` (the whole label; else the first
 * that starts with it, so "View: Focus Problems" finds its longer title).
 */
export async function chooseQuickPickItem(page: Page, label: string | RegExp): Promise<void> {
  const rowLabelled = (text: RegExp) => page.locator(PICK_ROWS).filter({ has: page.locator('.label-name', { hasText: text }) });
  const exact = rowLabelled(typeof label === 'string' ? exactly(label) : label);
  const prefix = typeof label === 'string' ? rowLabelled(new RegExp(`^\\s*${escaped(label)}`)) : exact;
  await prefix.first().waitFor({ state: 'visible' });
  await chooseQuickPickRow(page, (await exact.count()) ? exact.first() : prefix.first());
}

/**
 * Chooses a row of the open quick pick: moves the active row to it with the arrow keys, reading after
 * each key which row the page shows active (the list may still change under it), then presses Enter.
 */
export async function chooseQuickPickRow(page: Page, row: Locator): Promise<void> {
  const active = page.locator(`${PICK_ROWS}.focused`);
  await row.waitFor({ state: 'visible' });
  for (let step = 0; step < 60; step++) {
    const target = Number(await row.getAttribute('data-index'));
    const at = (await active.count()) ? Number(await active.first().getAttribute('data-index')) : -1;
    if (at === target) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press(at < target ? 'ArrowDown' : 'ArrowUp');
    await page.locator(`${PICK_ROWS}.focused:not([data-index="${at}"])`).waitFor({ state: 'visible' });
  }
  throw new Error(`could not make the row ${await row.innerText()} the active one; rows: ${(await page.locator(PICK_ROWS).allInnerTexts()).join(' | ')}`);
}

/** Opens the command palette (F1) on `title` and chooses it; for commands that open their own quick pick or dialog. */
export async function pickCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = await quickInputBox(page);
  await input.fill(`>${title}`);
  await chooseQuickPickItem(page, title);
}

/** Runs a command by its palette title and waits for the palette to close. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await pickCommand(page, title);
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** Clicks a tree row (with Ctrl: adds it to the selection) and waits until the row shows itself selected and focused. */
export async function selectTreeRow(row: Locator, { add = false } = {}): Promise<void> {
  await row.click(add ? { modifiers: ['Control'] } : {});
  await treeRowReady(row);
}

/** Gives DOM focus to the list (tree) that holds `row`, keeping its focused row: keys then go to the tree. */
export async function focusTree(row: Locator): Promise<void> {
  await row.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " monaco-list ")][1]').focus();
}

/**
 * Selects adjacent tree rows with the keyboard, from the tree's focused row above them (e.g. their
 * parent, selected with selectTreeRow): ArrowDown to the first and Enter selects it, Shift+ArrowDown
 * adds each next; waits after each key until the page shows the row focused and selected. (A click
 * on a row can land on another while the tree still lays out rows it has just loaded.)
 */
export async function selectTreeRowsBelow(page: Page, rows: Locator[]): Promise<void> {
  const [first, ...rest] = rows;
  if (!first) return;
  await first.waitFor({ state: 'visible' });
  await focusTree(first);
  await focusTreeRow(page, first, 'ArrowDown');
  await page.keyboard.press('Enter');
  await treeRowReady(first);
  for (const row of rest) {
    await page.keyboard.press('Shift+ArrowDown');
    await treeRowReady(row);
  }
  for (const row of rows) await row.and(page.locator('[aria-selected="true"]')).waitFor({ state: 'visible' });
}

/**
 * Presses `key` (ArrowUp, ArrowDown, ...) in the focused tree until `row` is its focused row, waiting
 * after each key for the focus to move; at most `maxKeys` keys.
 */
export async function focusTreeRow(page: Page, row: Locator, key: string, maxKeys = 30): Promise<void> {
  const focusedHere = row.and(page.locator('.monaco-list-row.focused'));
  for (let i = 0; i < maxKeys && !(await focusedHere.count()); i++) {
    const focused = page.locator('.monaco-list:focus .monaco-list-row.focused');
    const before = await focused.getAttribute('id');
    await page.keyboard.press(key);
    await page.locator(`.monaco-list:focus .monaco-list-row.focused:not([id="${before}"])`).waitFor({ state: 'visible' });
  }
  await focusedHere.waitFor({ state: 'visible' });
}

function treeRowReady(row: Locator): Promise<void> {
  return row.and(row.page().locator('.monaco-list-row.focused[aria-selected="true"]')).waitFor({ state: 'visible' });
}

/**
 * Runs the item `item` (its whole label) of the context menu of a tree's focused, selected row (see
 * selectTreeRow) with the keyboard: focus to the row's list, Shift+F10, ArrowDown until the page shows
 * the item focused, Enter; resolves once the menu has closed.
 */
export async function treeContextMenu(page: Page, row: Locator, item: string): Promise<void> {
  await treeRowReady(row);
  await focusTree(row);
  await page.keyboard.press('Shift+F10');
  const menu = page.locator('.context-view .monaco-menu');
  const enabled = menu.locator('.action-item:not(.disabled) .action-label');
  // The menu opens before its items are filled in: wait for the one we want, then read the order.
  await enabled.filter({ hasText: exactly(item) }).waitFor({ state: 'visible' }).catch(async (e: unknown) => {
    throw new Error(`the context menu has no "${item}": ${(await enabled.allInnerTexts()).join(', ')} (${(e as Error).message})`);
  });
  const labels = (await enabled.allInnerTexts()).map((l) => l.trim());
  const index = labels.indexOf(item);
  // ArrowDown focuses the first item of a menu opened by keyboard, then each next one (skipping separators).
  for (let i = 0; i <= index; i++) {
    await page.keyboard.press('ArrowDown');
    await menu.locator('.action-item.focused .action-label', { hasText: exactly(labels[i]!) }).waitFor({ state: 'visible' });
  }
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
}

/**
 * Answers the field pick of Add to Patch / Add All Matching: for each field, filters the list to it,
 * Ctrl+Home makes it the active row (and moves focus into the list), Space ticks it; once the page
 * shows exactly these fields selected, Enter accepts.
 */
export async function pickFields(page: Page, fields: string[]): Promise<void> {
  await page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: 'Fields to copy into the patch' }).waitFor({ state: 'visible', timeout: 60_000 });
  const input = await quickInputBox(page);
  for (const field of fields) {
    await input.fill(field);
    const first = page.locator(`${PICK_ROWS}[data-index="0"]`).filter({ has: page.locator('.label-name', { hasText: exactly(field) }) });
    await first.waitFor({ state: 'visible' });
    await page.keyboard.press('Control+Home');
    await first.and(page.locator('.focused')).waitFor({ state: 'visible' });
    if ((await first.getAttribute('aria-checked')) !== 'true') await page.keyboard.press('Space');
    await first.and(page.locator('[aria-checked="true"]')).waitFor({ state: 'visible' });
  }
  await input.fill('');
  const count = page.locator(`${QUICK_INPUT} .quick-input-count`);
  await count.filter({ hasText: exactly(`${fields.length} Selected`) }).waitFor({ state: 'visible' }).catch(async (e: unknown) => {
    throw new Error(`the field pick shows "${await count.innerText()}", not ${fields.length} selected (a remembered choice?): ${(e as Error).message}`);
  });
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}
