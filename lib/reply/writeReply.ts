import {REPLY_OUTCOMES, ReplyOutcome, type WorkerReply} from '../domain/reply.ts';
import {InputError, MaestroError} from '../errors.ts';
import {parseWorkerReport} from '../feature/workerReport.ts';
import {readFeature, readMission} from '../mission/missionState.ts';
import type {Workspace} from '../workspace.ts';
import {replyChange} from './replyStore.ts';

/** What `reply write` takes, as typed; the report file's text is read by the command. */
export interface WriteReplyRequest {
  featureId: string;
  mission: string;
  outcome?: string;
  notes?: string;
  report?: {file: string; text: string};
  source?: string;
  /** `--agent`: the reply is written by an agent (default: by a human). */
  byAgent?: boolean;
}

/**
 * Records a worker's reply on a feature as `replies/<mission>/<feature>.json` in one state commit,
 * replacing any earlier reply for that feature (and its ingest marks, so it is ingested again). The
 * mission and the feature must exist. Nothing changes on the feature until `maestro reply ingest`.
 * @throws InputError (outcome, report), NotFoundError (mission, feature), NotInitializedError
 */
export async function writeReply(workspace: Workspace, request: WriteReplyRequest): Promise<WorkerReply> {
  const outcome = parseOutcome(request.outcome);
  const report = request.report === undefined ? undefined : parseReportFile(request.report.file, request.report.text);
  await workspace.requireTip();
  const outcomeOf = await workspace.transact(`reply write`, async snapshot => {
    const mission = await readMission(snapshot, request.mission);
    const feature = await readFeature(snapshot, mission, request.featureId);
    const at = workspace.store.deps.now().toISOString();
    const notes = request.notes?.trim();
    const source = request.source?.trim();
    const reply: WorkerReply = {
      missionId: mission.id, featureId: feature.id, outcome, writtenAt: at, writtenBy: request.byAgent ? `agent` : `human`,
      agent: workspace.identity.agent, updatedAt: at, updatedBy: workspace.identity.agent,
      ...(report ? {report} : {}), ...(notes ? {notes} : {}), ...(source ? {source} : {}),
    };
    return {changes: [replyChange(reply)], result: reply};
  });
  return outcomeOf.result;
}

export function parseOutcome(value: string | undefined): ReplyOutcome {
  if (value === undefined) throw new InputError(`--outcome is required (${REPLY_OUTCOMES.join(`|`)})`, {hint: `e.g. --outcome completed`});
  const parsed = ReplyOutcome.safeParse(value.trim().toLowerCase());
  if (!parsed.success) throw new InputError(`--outcome "${value}" is not a reply outcome`, {hint: `use one of: ${REPLY_OUTCOMES.join(`, `)}`});
  return parsed.data;
}

function parseReportFile(file: string, text: string) {
  try {
    return parseWorkerReport(text);
  } catch (error) {
    if (!(error instanceof MaestroError)) throw error;
    throw new InputError(`--report-file ${file}: ${error.message}`, error.hint === undefined ? {} : {hint: error.hint});
  }
}
