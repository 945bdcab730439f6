// Core ranges and positions are 0-based (line, UTF-16 character), exactly VS Code's: map 1:1.
import * as vscode from 'vscode';
import type { Position, Range } from '../../core/types';

export function toVsPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromVsPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

export function sameRange(a: Range, b: vscode.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
