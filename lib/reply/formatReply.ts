import type {WorkerReply} from '../domain/reply.ts';
import {oneLine} from '../oneLine.ts';
import type {ReplyIngestView} from './ingestReplies.ts';

// Human output of the reply commands, in the original's words (reference-handoff §7).

export function formatRecorded(reply: WorkerReply): string {
  return [`[ok] Reply recorded: ${reply.missionId}/${reply.featureId}`, `  Outcome: ${reply.outcome}`, `  Written: ${reply.writtenAt} (by ${reply.writtenBy})`,
    ...(reply.notes ? [`  Notes: ${oneLine(reply.notes)}`] : []), `  Apply it with: maestro reply ingest --mission ${reply.missionId}`].join(`\n`);
}

/** Newest first: `<m>/<f> [<outcome>] <writtenAt> by <who>`, its note, and what ingest made of it. */
export function formatReplies(replies: WorkerReply[]): string {
  if (replies.length === 0) return `(no replies)`;
  return replies.flatMap(reply => [
    `${reply.missionId}/${reply.featureId} [${reply.outcome}] ${reply.writtenAt} by ${reply.writtenBy}`,
    ...(reply.notes ? [`  note: ${oneLine(reply.notes)}`] : []),
    reply.ingestedAt
      ? `  ingested: ${reply.ingestedAt}${reply.effectiveOutcome && reply.effectiveOutcome !== reply.outcome ? ` as ${reply.effectiveOutcome} (${reply.downgradeReason ?? `downgraded`})` : ``}`
      : `  not ingested yet`,
  ]).join(`\n`);
}

export function formatIngested(view: ReplyIngestView): string {
  if (view.ingested.length === 0) return `No replies to ingest${view.alreadyIngested ? ` (${view.alreadyIngested} already ingested)` : ``}`;
  return [`[ok] Ingested ${view.ingested.length} reply(ies)`, ...view.ingested.map(item => {
    const outcome = item.effectiveOutcome === item.outcome ? item.outcome : `${item.outcome} -> ${item.effectiveOutcome} (${item.downgradeReason})`;
    const move = item.applied ? `${item.from} -> ${item.to}` : `unchanged: ${item.note}`;
    const judged = item.principleOutcomes > 0 ? `; ${item.principleOutcomes} principle outcome(s) ${item.effectiveOutcome === `completed` ? `helpful` : `unhelpful`}` : ``;
    return `  ${item.missionId}/${item.featureId}  ${outcome}  ${move}${judged}`;
  })].join(`\n`);
}
