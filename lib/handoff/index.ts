// What commands/ and tui/ use of handoffs.
export {Handoff, PASTE_PREAMBLE} from '../domain/handoff.ts';
export {createHandoff} from './createHandoff.ts';
export type {CreateHandoffRequest} from './handoffInput.ts';
export {HandoffListView, listHandoffs, showHandoff} from './listHandoffs.ts';
export {pickupHandoff} from './pickupHandoff.ts';
export {completeHandoff} from './completeHandoff.ts';
export {renderReplay, replayHandoffs, ReplayView} from './replayHandoffs.ts';
export {formatCreated, formatHandoff, formatList, formatPaste} from './formatHandoff.ts';
