// What commands/ and tui/ use of Mission Control (reference-handoff §11, SPEC.md: read-only).
export {buildSnapshot} from './buildSnapshot.ts';
export {MissionControlSnapshot} from './missionControlSnapshot.ts';
export {missionControlSource, type MissionControlSource} from './missionControlSource.ts';
export {DEFAULT_SIZE, parseMissionControlRequest, SCREEN_IDS, type MissionControlRequest, type ScreenId, type Size} from './missionControlRequest.ts';
export {RenderCheckView} from './renderCheckView.ts';
