import {canonicalJson} from '../canonicalJson.ts';
import {isTerminalResult} from '../domain/assertion.ts';
import {deriveMilestones} from '../domain/progress.ts';
import {GateError} from '../errors.ts';
import {milestonePath} from '../mission/missionPaths.ts';
import {findMilestone, loadMissionState} from '../mission/missionState.ts';
import {toMissionView} from '../mission/missionView.ts';
import type {Workspace} from '../workspace.ts';
import type {MilestoneSealView} from './milestoneViews.ts';

/**
 * Seals a milestone when every one of its assertions is passed or waived (reference §3.2); sealing
 * twice is a no-op that says so. A refusal names the blocking assertions and writes nothing.
 * @throws GateError (exit 1) when an assertion blocks; NotFoundError
 */
export async function sealMilestone(workspace: Workspace, request: {missionId: string; milestoneId: string}): Promise<MilestoneSealView> {
  const outcome = await workspace.transact(`milestone seal`, async snapshot => {
    const state = await loadMissionState(snapshot, request.missionId);
    const milestone = findMilestone(state, request.milestoneId);
    const before = deriveMilestones(state.mission, state.milestones, state.features, state.assertions).find(p => p.milestoneId === milestone.id)!;
    if (milestone.sealedAt) {
      const {order: _o, ...progress} = before;
      return {changes: [], result: {mission: toMissionView(state), milestone, progress, sealed: true, alreadySealed: true, autoTransitioned: false, blockingAssertionIds: []}};
    }
    const blocking = state.assertions.filter(a => a.milestoneId === milestone.id && !isTerminalResult(a.result));
    if (blocking.length > 0) {
      throw new GateError(`cannot seal milestone ${milestone.id}: ${blocking.length} assertion(s) not passed or waived: ${blocking.map(a => `${a.id} (${a.result})`).join(`, `)}`, {
        hint: `pass or waive them with \`maestro validate update <assertion> --mission ${state.mission.id} --result passed\``,
        data: {blockingAssertionIds: blocking.map(a => a.id)},
      });
    }
    const now = workspace.store.deps.now().toISOString();
    const sealed = {...milestone, sealedAt: now, sealedBy: workspace.identity.agent, updatedAt: now};
    const milestones = state.milestones.map(m => (m.id === milestone.id ? sealed : m));
    const after = deriveMilestones(state.mission, milestones, state.features, state.assertions).find(p => p.milestoneId === milestone.id)!;
    const {order: _o, ...progress} = after;
    return {
      changes: [{path: milestonePath(state.mission.id, milestone.id), content: canonicalJson(sealed)}],
      result: {mission: toMissionView({mission: state.mission, milestones}), milestone: sealed, progress, sealed: true, alreadySealed: false, autoTransitioned: before.status === `executing`, blockingAssertionIds: []},
    };
  });
  return outcome.result;
}
