import {PASTE_PREAMBLE, type Handoff} from '../domain/handoff.ts';

/**
 * Human output of the handoff commands, from the same record `--json` prints. The UKI string is one
 * line on its own, so it can be cut out of the output as is.
 */

/** `handoff create`: what was created and its UKI string (the original's layout, plus target and links). */
export function formatCreated(handoff: Handoff): string {
  return [`[ok] Handoff created: ${handoff.id}`, ...details(handoff), ``, `UKI v5.4 string:`, handoff.uki].join(`\n`);
}

/** `handoff show`: every field a person needs, then the UKI string. */
export function formatHandoff(handoff: Handoff): string {
  return [
    `Handoff ${handoff.id}`, ...details(handoff), `  Created: ${handoff.createdAt}`,
    ...(handoff.claimedBy ? [`  Claimed: by ${handoff.claimedBy} at ${handoff.claimedAt ?? `?`}`] : []),
    ...(handoff.completedAt ? [`  Completed: ${handoff.completedBy ? `by ${handoff.completedBy} ` : ``}at ${handoff.completedAt}`] : []),
    ...(handoff.report ? [`  Report: ${oneLine(handoff.report)}`] : []),
    `  Summary: ${handoff.summary}`, `  Next action: ${handoff.nextAction}`, ``, `UKI v5.4 string:`, handoff.uki,
  ].join(`\n`);
}

/** `handoff list`: a count, then one row per handoff, newest first. */
export function formatList(handoffs: Handoff[]): string {
  if (handoffs.length === 0) return `No handoffs found`;
  const rows = handoffs.map(h => `${h.id}  ${h.status.padEnd(10)}  ${h.mode.padEnd(7)}  ${h.summary.slice(0, 60)}${h.to ? `  -> ${h.to}` : ``}`);
  return [`${handoffs.length} handoff(s)`, ``, ...rows].join(`\n`);
}

/** `--paste`: one instruction line, an empty line, the UKI string (reference-handoff §2.2). */
export function formatPaste(handoff: Handoff): string {
  return `${PASTE_PREAMBLE}\n\n${handoff.uki}`;
}

function details(handoff: Handoff): string[] {
  return [
    `  Mode: ${handoff.mode}`, `  Agent: ${handoff.agent}`, `  Session: ${handoff.session}`, `  Status: ${handoff.status}`,
    ...(handoff.to ? [`  For: ${handoff.to}`] : []),
    ...(handoff.missionId ? [`  Mission: ${handoff.missionId}${handoff.featureId ? `  Feature: ${handoff.featureId}` : ``}`] : []),
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ` `).trim();
}
