import {Command, Option} from 'clipanion';
import {InputError} from '../../lib/errors.ts';
import type {createHandoff, formatCreated, formatPaste, Handoff} from '../../lib/handoff/index.ts';
import {MaestroCommand} from '../base.ts';

export class HandoffCreateCommand extends MaestroCommand {
  static paths = [[`handoff`, `create`]];
  static usage = Command.Usage({
    category: `Handoffs`,
    description: `create a new plan or execute handoff`,
    details: `
      Packages the state of a session for another agent as a structured record and its one-line UKI v5.4 transfer string, stored as \`handoffs/<id>.json\` in one state commit. Anchors are collected automatically (the branch, changed files, PLAN.md in plan mode, the active mission and, when it has exactly one actionable feature, that feature) and the flags are added after them. Free text in token flags is turned into tokens (\`"keep pickup clear"\` becomes \`keep_pickup_clear\`, paths become \`file_\` anchors, deep paths are shortened); a value that cannot become a token is refused with the form to use. List flags repeat: \`--decision a --decision b\`. A handoff linked to a feature with \`--feature-id\` must pass the gates of its milestone's profile (\`--assumption\`, \`--scope-declaration\`, \`--verification-result\`). \`--to\` means it for one agent type; \`handoff pickup --agent\` honours it.
    `,
    examples: [
      [`Hand off execution work`, `$0 handoff create --mode execute --session-core execute_auth_flow --summary Auth_flow_ready-handoff_created-low_risk --next-action pick_up_auth_impl --artifact file_src_auth_ts --read-more file_src_auth_ts --completed auth_flow_scaffolded --validation build_green --confidence-work 0.9`],
      [`Only the UKI string, for piping`, `$0 handoff create --mode plan --session-core plan_auth --summary "Plan ready" --next-action implement_login --artifact PLAN.md --read-more PLAN.md --confidence-summary 0.8 --uki`],
      [`For codex, linked to a feature, as JSON`, `$0 handoff create --mode execute --session-core impl --summary Done --next-action review --artifact src/auth.ts --read-more src/auth.ts --confidence-work 0.9 --mission-id 2026-11-25-0x3 --feature-id auth-impl --assumption "tokens expire" --scope-declaration '{"src/auth.ts":"login"}' --verification-result "npm test:passed" --to codex --json`],
    ],
  });

  mode = Option.String(`--mode`, {description: `plan or execute (required)`});
  sessionCore = Option.String(`--session-core`, {description: `What this session was about (required)`});
  summary = Option.String(`--summary`, {description: `Summary under 140 characters, parts separated by - (required)`});
  nextAction = Option.String(`--next-action`, {description: `What the next agent does first (required)`});
  currentState = Option.String(`--current-state`, {description: `Default plan_ready or execute_in_progress`});
  decision = Option.Array(`--decision`, {description: `A decision taken (repeatable)`});
  signal = Option.Array(`--signal`, {description: `A signal delta (repeatable)`});
  artifact = Option.Array(`--artifact`, {description: `An anchor or path to an artifact (repeatable)`});
  readMore = Option.Array(`--read-more`, {description: `An anchor or path worth reading (repeatable)`});
  risk = Option.Array(`--risk`, {description: `A risk (repeatable)`});
  driver = Option.Array(`--driver`, {description: `A causal driver (repeatable)`});
  divergence = Option.Array(`--divergence`, {description: `A divergence from the plan (repeatable)`});
  boundary = Option.Array(`--boundary`, {description: `Boundary state: what was left alone (repeatable)`});
  planPathItem = Option.Array(`--plan-path-item`, {description: `Plan mode: a plan path (repeatable)`});
  maestroSync = Option.Array(`--maestro-sync`, {description: `Plan mode: a maestro state change (repeatable)`});
  touchedFile = Option.Array(`--touched-file`, {description: `Execute mode: a file touched (repeatable)`});
  completed = Option.Array(`--completed`, {description: `Execute mode: work completed (repeatable)`});
  validation = Option.Array(`--validation`, {description: `Execute mode: validation evidence (repeatable)`});
  blindSpot = Option.String(`--blind-spot`, {description: `Execute mode: a blind spot`});
  metaphor = Option.String(`--metaphor`, {description: `Execute mode: a metaphor anchor`});
  assumption = Option.Array(`--assumption`, {description: `Gate field: an assumption (repeatable)`});
  scopeDeclaration = Option.String(`--scope-declaration`, {description: `Gate field: JSON object of string values`});
  verificationResult = Option.Array(`--verification-result`, {description: `Gate field: <step>:passed or <step>:failed (repeatable)`});
  complexityDelta = Option.String(`--complexity-delta`, {description: `Gate field: JSON object`});
  missionId = Option.String(`--mission-id`, {description: `Link to this mission (default: the active one)`});
  featureId = Option.String(`--feature-id`, {description: `Link to this feature and check its gates`});
  milestoneId = Option.String(`--milestone-id`, {description: `Milestone ref`});
  planRef = Option.String(`--plan-ref`, {description: `Plan ref`});
  specRef = Option.String(`--spec-ref`, {description: `Spec ref`});
  confidenceWork = Option.String(`--confidence-work`, {description: `Confidence in the work, such as 0.9 (this or --confidence-summary is required)`});
  confidenceSummary = Option.String(`--confidence-summary`, {description: `Confidence in the summary, such as 0.8`});
  to = Option.String(`--to`, {description: `The agent type it is meant for (codex, claude-code, gemini, …)`});
  agent = Option.String(`--agent`, {description: `Who creates it (default: MAESTRO_AGENT or the detected agent)`});
  sessionId = Option.String(`--session-id`, {description: `The creating session (default: detected)`});
  uki = Option.Boolean(`--uki`, false, {description: `Print only the UKI string`});
  paste = Option.Boolean(`--paste`, false, {description: `Print a paste-ready instruction line and the UKI string`});
  json = Option.Boolean(`--json`, false, {description: `Print the handoff record as one JSON document`});

  async run() {
    const {createHandoff, formatCreated, formatPaste, Handoff} = await import('../../lib/handoff/index.ts');
    if (this.uki && this.paste) throw new InputError(`--uki and --paste are mutually exclusive`, {hint: `pick one output format for maestro handoff create`});
    const {mode, sessionCore, summary, nextAction, currentState, decision, signal, artifact, readMore, risk, driver, divergence, boundary, planPathItem, maestroSync} = this;
    const {touchedFile, completed, validation, blindSpot, metaphor, assumption, scopeDeclaration, verificationResult, complexityDelta} = this;
    const {missionId, featureId, milestoneId, planRef, specRef, confidenceWork, confidenceSummary, to, sessionId} = this;
    const handoff = await createHandoff(this.context.openWorkspace(this.agent ? {agent: this.agent} : {}), {
      mode, sessionCore, summary, nextAction, currentState, decision, signal, artifact, readMore, risk, driver, divergence, boundary, planPathItem, maestroSync,
      touchedFile, completed, validation, blindSpot, metaphor, assumption, scopeDeclaration, verificationResult, complexityDelta,
      missionId, featureId, milestoneId, planRef, specRef, confidenceWork, confidenceSummary, to, sessionId,
    });
    this.print(Handoff, handoff, h => (this.uki ? h.uki : this.paste ? formatPaste(h) : formatCreated(h)));
  }

  /** `--uki` and `--paste` win over `--json`, as in the original. */
  protected wantsJson(): boolean {
    return this.json && !this.uki && !this.paste;
  }
}
