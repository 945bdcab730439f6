// Hover on a `Cron` value: what it means in the user's language (the days by name), the next 5 fire
// times in the configured zone, which weekday numbering it was read in with a link to that setting,
// and a link to the dialect's rules. An invalid expression shows its problems.
import * as vscode from 'vscode';
import { escapeMarkdown, inlineCode } from '../util/markdown';
import { formatFireTime } from '../util/fireTimes';
import { toVsRange } from '../util/ranges';
import { cronTimeZone, cronWeekdayNumbering, currentLocale, WEEKDAY_NUMBERING_SETTING } from '../util/settings';
import type { ResolvedZone } from '../../core/time/regions';
import type { WeekdayNumbering } from '../../core/cron';
import { cronAt } from './cronLocate';
import { cronInfo } from './cronInfo';
import { parsedPatch } from './parsedDocuments';

export const NEXT_FIRE_COUNT = 5;

export class CronHover implements vscode.HoverProvider {
  constructor(private readonly rulesDoc: vscode.Uri) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const patch = parsedPatch(doc);
    const cron = cronAt(patch, doc.offsetAt(position));
    if (!cron) return undefined;
    const locale = currentLocale();
    const zone = cronTimeZone(doc.uri);
    const weekdays = cronWeekdayNumbering(doc.uri);
    const info = cronInfo(cron.expr, locale, zone.zone, NEXT_FIRE_COUNT, weekdays);
    // The file's text goes in an untrusted part; the command links, our own text only, in a second part.
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${vscode.l10n.t('DataWorks cron')}** `).appendMarkdown(inlineCode(cron.expr));
    md.appendMarkdown('\n\n');
    if (!info.valid) {
      md.appendMarkdown(`$(error) ${vscode.l10n.t('Not a valid DataWorks cron expression:')}\n\n`);
      for (const p of info.problems) md.appendMarkdown(`- ${escapeMarkdown(p.message)}\n`);
    } else {
      md.appendMarkdown(`${escapeMarkdown(info.description)}\n\n`);
      md.appendMarkdown(`${escapeMarkdown(zoneHeading(zone, info.times.length))}\n\n`);
      if (info.times.length) {
        for (const t of info.times) md.appendMarkdown(`- ${inlineCode(formatFireTime(t, zone.zone, locale))}\n`);
      }
      if (zone.invalidSetting) {
        md.appendMarkdown(`\n$(warning) ${escapeMarkdown(vscode.l10n.t('dataworks.timeZone "{0}" is not a known IANA time zone; it is ignored.', zone.invalidSetting))}\n`);
      }
    }
    return new vscode.Hover([md, this.links(weekdays)], toVsRange(patch.rangeAt(cron.node.offset, cron.node.length)));
  }

  /** The weekday numbering and the two command links: nothing from the file, so it alone may run commands. */
  private links(weekdays: WeekdayNumbering): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['markdown.showPreview', 'workbench.action.openSettings'] };
    md.appendMarkdown(`${escapeMarkdown(numberingLine(weekdays))} `);
    const settingArgs = encodeURIComponent(JSON.stringify([WEEKDAY_NUMBERING_SETTING]));
    md.appendMarkdown(`[${vscode.l10n.t('Change the weekday numbering')}](command:workbench.action.openSettings?${settingArgs})\n`);
    // A Uri serialises with $mid, so the workbench revives it as a Uri for the command.
    const args = encodeURIComponent(JSON.stringify([this.rulesDoc]));
    md.appendMarkdown(`\n[${vscode.l10n.t('DataWorks cron rules')}](command:markdown.showPreview?${args})`);
    return md;
  }
}

/** Which numbering day-of-week numbers were read in: the one assumption about DataWorks a hover must not hide. */
function numberingLine(weekdays: WeekdayNumbering): string {
  return weekdays === 'quartz'
    ? vscode.l10n.t('Weekday numbers read in the Quartz numbering: 1 = Sunday, 2 = Monday ... 7 = Saturday.')
    : vscode.l10n.t('Weekday numbers read in the DataWorks numbering: 0 or 7 = Sunday, 1 = Monday ... 6 = Saturday.');
}

function zoneHeading(zone: ResolvedZone, count: number): string {
  if (count === 0) return vscode.l10n.t('It never fires (no matching date in the next years).');
  switch (zone.source) {
    case 'setting':
      return vscode.l10n.t('Next {0} fire times in {1} (setting dataworks.timeZone):', count, zone.zone);
    case 'region':
      return vscode.l10n.t('Next {0} fire times in {1} (the zone of region {2}):', count, zone.zone, zone.region);
    case 'default':
      return vscode.l10n.t('Next {0} fire times in {1} (the zone of the default region {2}):', count, zone.zone, zone.region);
    case 'region-assumed':
      return vscode.l10n.t('Next {0} fire times in {1} (assumed for region {2}; set dataworks.timeZone if it schedules on another clock):', count, zone.zone, zone.region);
    case 'unknown-region':
      return vscode.l10n.t('Next {0} fire times in {1} (region {2} is not in our table, China time assumed; set dataworks.timeZone):', count, zone.zone, zone.region);
  }
}

