import type {ScreenId} from '../../lib/missionControl/missionControlRequest.ts';
import {assertions} from './assertions.ts';
import {checkpoints} from './checkpoints.ts';
import {conflicts} from './conflicts.ts';
import {dashboard} from './dashboard.ts';
import {dependencies} from './dependencies.ts';
import {features} from './features.ts';
import {handoffs} from './handoffs.ts';
import {help} from './help.ts';
import {history} from './history.ts';
import {memory} from './memory.ts';
import type {ScreenDef} from './screen.ts';

/** Every screen by id (tab order is SCREEN_IDS). */
export const SCREENS: Record<ScreenId, ScreenDef> = {dashboard, features, dependencies, handoffs, assertions, memory, history, checkpoints, conflicts, help};
