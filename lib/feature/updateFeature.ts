import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {applyFeatureChange, Feature, FEATURE_STATUSES, FEATURE_TRANSITIONS, FeatureStatus, type WorkerReport} from '../domain/feature.ts';
import type {Mission} from '../domain/mission.ts';
import {checkTransition} from '../domain/stateMachine.ts';
import {GateError, InputError} from '../errors.ts';
import {featurePath, missionPath, reportPath} from '../mission/missionPaths.ts';
import {readFeature, readMission} from '../mission/missionState.ts';
import {NoteRef, recordNoteOrWarn} from '../notes/recordNote.ts';
import {resolveNoteTarget} from '../notes/resolveNoteTarget.ts';
import type {Change} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';

export const FeatureUpdateView = z.object({
  feature: Feature,
  reportPersisted: z.optional(z.string()),
  missionAutoStarted: z.boolean(),
  warnings: z.array(z.string()),
  /** The code commit noted on refs/notes/maestro; null with `--commit none` or an unborn HEAD. */
  note: z.nullable(NoteRef),
});
export type FeatureUpdateView = z.infer<typeof FeatureUpdateView>;

export interface UpdateFeatureRequest {
  missionId: string;
  featureId: string;
  status?: string;
  report?: WorkerReport;
  retryReason?: string;
  /** Refuse to start a feature whose dependencies are not done (also `strictDependencies` in config). */
  strict?: boolean;
  /** The code commit to note (`--commit <rev>`); default HEAD, `none` for no note. */
  commit?: string;
}

const STARTING: FeatureStatus[] = [`assigned`, `in-progress`];

/**
 * Moves a feature through its state machine (reference §3.3), attaches a worker report, logs a
 * retry; auto-starts an approved mission. Starting a feature whose `dependsOn` are not done warns
 * (the commit records it in a `Maestro-Warning` trailer) and is refused under `strict`.
 * @throws InputError, TransitionError, GateError, NotFoundError; nothing is written when thrown
 */
export async function updateFeature(workspace: Workspace, request: UpdateFeatureRequest): Promise<FeatureUpdateView> {
  const status = request.status === undefined ? undefined : parseFeatureStatus(request.status);
  if (status === undefined && request.report === undefined) throw new InputError(`no update specified`, {hint: `use --status <status> and/or --report <json|@file>`});
  const strict = request.strict === true || (status !== undefined && STARTING.includes(status) && (await workspace.config()).strictDependencies);
  const noteTarget = await resolveNoteTarget(workspace, request.commit);
  const warnings: string[] = [];
  const outcome = await workspace.transact(`feature update`, async snapshot => {
    warnings.length = 0;
    // Only the mission, the feature and its dependencies: an update costs the same at any mission size.
    const mission = await readMission(snapshot, request.missionId);
    const feature = await readFeature(snapshot, mission, request.featureId);
    const state = {mission};
    const now = workspace.store.deps.now().toISOString();
    const agent = workspace.identity.agent;
    const changes: Change[] = [];
    const next = applyFeatureChange(feature, {...(status ? {status} : {}), ...(request.report ? {report: request.report} : {}), ...(request.retryReason ? {retryReason: request.retryReason} : {})}, now, agent);
    let missionAutoStarted = false;
    if (status !== undefined && status !== feature.status) {
      checkTransition(`feature`, FEATURE_TRANSITIONS, feature.status, status, `maestro feature list --mission ${state.mission.id}`);
      if (feature.status === `pending` && STARTING.includes(status)) {
        const deps = await Promise.all(feature.dependsOn.map(dep => snapshot.read(featurePath(mission.id, dep), Feature)));
        const unmet = feature.dependsOn.filter((_dep, i) => deps[i]?.status !== `done`);
        if (unmet.length > 0) {
          const message = `feature ${feature.id} depends on ${unmet.join(`, `)}, not done yet`;
          if (strict) throw new GateError(`cannot start ${feature.id}: it depends on ${unmet.join(`, `)}, not done yet`, {hint: `finish those first (see \`maestro feature next --mission ${state.mission.id}\`), or start without --strict`});
          warnings.push(message);
        }
      }
      if (state.mission.status === `approved`) {
        const started: Mission = {...state.mission, status: `executing`, updatedAt: now, updatedBy: agent};
        changes.push({path: missionPath(state.mission.id), content: canonicalJson(started)});
        missionAutoStarted = true;
      }
    }
    let reportPersisted: string | undefined;
    if (request.report) {
      reportPersisted = reportPath(state.mission.id, feature.id);
      changes.push({path: reportPersisted, content: canonicalJson(request.report)});
    }
    changes.push({path: featurePath(state.mission.id, feature.id), content: canonicalJson(next)});
    return {changes, result: {feature: next, missionAutoStarted, ...(reportPersisted ? {reportPersisted: `.maestro/${reportPersisted}`} : {})}};
  }, () => warnings.map(warning => [`Maestro-Warning`, warning]));
  const {feature} = outcome.result;
  const note = await recordNoteOrWarn(workspace, noteTarget, {kind: `feature`, mission: feature.missionId, feature: feature.id, status: feature.status, agent: workspace.identity.agent, at: feature.updatedAt}, warnings);
  return {...outcome.result, warnings, note};
}

export function parseFeatureStatus(value: string): FeatureStatus {
  const parsed = FeatureStatus.safeParse(value);
  if (!parsed.success) throw new InputError(`--status "${value}" is not a feature status`, {hint: `use one of: ${FEATURE_STATUSES.join(`, `)}`});
  return parsed.data;
}
