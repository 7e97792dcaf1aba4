import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {seededRandom as seeded} from '../../helpers/seededRandom.ts';
import {REF_PREFIXES, type UkiContent, type UkiRefs} from '../../../lib/domain/ukiContent.ts';
import {decodeUki, validateUki} from '../../../lib/domain/ukiDecode.ts';
import {encodeUki, formatConfidence} from '../../../lib/domain/ukiEncode.ts';
import {normalizeAnchor, normalizeListToken, normalizeSingle} from '../../../lib/domain/ukiTokens.ts';

// Property tests over generated content: a small seeded generator, so a failure replays exactly.
const RUNS = 400;


class Gen {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number { return min + Math.floor(this.random() * (max - min + 1)); }
  pick<T>(items: readonly T[]): T { return items[this.int(0, items.length - 1)]!; }
  chance(p: number): boolean { return this.random() < p; }
  /** A word: mostly lower-case ASCII, sometimes upper case, digits, a decimal or another script. */
  word(): string {
    const kind = this.int(0, 9);
    if (kind === 0) return `${this.int(0, 99)}.${this.int(0, 9)}`;
    if (kind === 1) return this.pick([`Auth`, `JWT`, `café`, `Über`, `v2`, `ß`]);
    let word = ``;
    for (let i = this.int(1, 8); i > 0; i--) word += this.pick([...`abcdefghijklmnopqrstuvwxyz0123456789`]);
    return word;
  }
  /** A valid token: 1–6 words joined by `_`, sometimes a `~` and a second half, sometimes a space inside. */
  token(maxWords = 6): string {
    const half = () => Array.from({length: this.int(1, maxWords)}, () => this.word()).join(this.chance(0.05) ? ` ` : `_`);
    return this.chance(0.05) ? `${half()}~${half()}` : half();
  }
  list(min = 0): string[] { return Array.from({length: this.int(min, 4)}, () => this.pad(this.token())); }
  /** A single value: 1–3 tokens joined by `-`. */
  single(parts = 3): string { return this.pad(Array.from({length: this.int(1, parts)}, () => this.token()).join(`-`)); }
  pad(value: string): string { return this.chance(0.1) ? ` ${value} ` : value; }
  refs(): UkiRefs {
    const refs: UkiRefs = {};
    for (const [field] of REF_PREFIXES) if (this.chance(0.4)) refs[field] = this.token(5).replace(/ /g, `_`).replace(/~.*/, ``);
    return refs;
  }
  confidence(): number { return this.pick([0, 1, 0.5, 0.9, this.random(), Math.round(this.random() * 1e4) / 1e4]); }
  content(): UkiContent {
    let summary = this.single();
    while (summary.trim().length >= 140) summary = this.single(1);
    const cs = this.chance(0.34) ? {work: this.confidence()} : this.chance(0.5) ? {summary: this.confidence()} : {work: this.confidence(), summary: this.confidence()};
    const base = {
      currentState: this.single(), sessionCore: this.single(), decisions: this.list(), artifacts: this.list(1), readMore: this.list(1), nextAction: this.single(),
      summary, maestroRefs: this.refs(), cs, signalDelta: this.list(), boundaryState: this.list(), risks: this.list(), causalDrivers: this.list(), divergences: this.list(),
      ...(this.chance(0.5) ? {blindSpot: this.single()} : {}), ...(this.chance(0.5) ? {metaphor: this.single()} : {}),
      ...(this.chance(0.3) ? {assumptions: [`free text, not rendered`]} : {}),
    };
    return this.chance(0.5)
      ? {mode: `plan`, ...base, planPaths: this.list(), maestroSync: this.list()}
      : {mode: `execute`, ...base, touchedFiles: this.list(), completedWork: this.list(), validation: this.list()};
  }
  /** Free text: words, separators, punctuation and forbidden characters in any order. */
  freeText(): string {
    return Array.from({length: this.int(0, 12)}, () => this.pick([this.word(), ` `, `-`, `/`, `.`, `:`, `*`, `|`, `\``, `\n`, `, `, `_`, `!`, `~`])).join(``);
  }
}

/** What a string can carry of a content: trimmed values, rounded confidence, no unrendered fields. */
function rendered(content: UkiContent): UkiContent {
  const trim = (values: string[]) => values.map(value => value.trim());
  const singles = {currentState: content.currentState.trim(), sessionCore: content.sessionCore.trim(), nextAction: content.nextAction.trim(), summary: content.summary.trim()};
  const cs = Object.fromEntries(Object.entries(content.cs).map(([key, value]) => [key, Number(formatConfidence(value))]));
  const lists = {decisions: trim(content.decisions), artifacts: trim(content.artifacts), readMore: trim(content.readMore), signalDelta: trim(content.signalDelta), causalDrivers: trim(content.causalDrivers), divergences: trim(content.divergences)};
  const base = {...singles, ...lists, maestroRefs: content.maestroRefs, cs};
  if (content.mode === `plan`) return {mode: `plan`, ...base, planPaths: trim(content.planPaths), maestroSync: trim(content.maestroSync), boundaryState: [], risks: []};
  return {
    mode: `execute`, ...base, touchedFiles: trim(content.touchedFiles), completedWork: trim(content.completedWork), validation: trim(content.validation),
    boundaryState: trim(content.boundaryState), risks: trim(content.risks),
    ...(content.blindSpot ? {blindSpot: content.blindSpot.trim()} : {}), ...(content.metaphor ? {metaphor: content.metaphor.trim()} : {}),
  };
}

describe(`the UKI codec on generated content`, () => {
  it(`gives the same bytes after encode, decode, encode`, () => {
    const gen = new Gen(seeded(1));

    for (let run = 0; run < RUNS; run++) {
      const uki = encodeUki(gen.content());

      assert.equal(encodeUki(decodeUki(uki).content), uki, `run ${run}: ${uki}`);
    }
  });

  it(`decodes to exactly what the string carries of the content`, () => {
    const gen = new Gen(seeded(2));

    for (let run = 0; run < RUNS; run++) {
      const content = gen.content();

      assert.deepEqual(decodeUki(encodeUki(content)).content, rendered(content), `run ${run}`);
    }
  });

  it(`writes only strings that validate`, () => {
    const gen = new Gen(seeded(3));

    for (let run = 0; run < RUNS; run++) assert.deepEqual(validateUki(encodeUki(gen.content())), [], `run ${run}`);
  });
});

describe(`token normalisation on generated free text`, () => {
  it(`turns free text into tokens the encoder accepts, or refuses it with a suggestion that normalises to itself`, () => {
    const gen = new Gen(seeded(4));
    const base = decodeUki(encodeUki(new Gen(seeded(5)).content())).content;

    for (let run = 0; run < RUNS; run++) {
      const text = gen.freeText();
      const single = normalizeSingle(text, {maxLength: 140});
      const token = normalizeListToken(text);
      const anchor = normalizeAnchor(text);

      if (single.ok) assert.doesNotThrow(() => encodeUki({...base, summary: single.value}), `summary from ${JSON.stringify(text)}`);
      if (token.ok) assert.doesNotThrow(() => encodeUki({...base, decisions: [token.value]}), `token from ${JSON.stringify(text)}`);
      if (anchor.ok) assert.doesNotThrow(() => encodeUki({...base, artifacts: [anchor.value]}), `anchor from ${JSON.stringify(text)}`);
      if (!token.ok && token.suggestion) for (const part of token.suggestion.split(` `)) assert.deepEqual(normalizeListToken(part), {ok: true, value: part});
    }
  });

  it(`leaves valid tokens unchanged and is idempotent`, () => {
    const gen = new Gen(seeded(6));

    for (let run = 0; run < RUNS; run++) {
      const token = gen.token().replace(/ /g, `_`);
      const text = gen.freeText();
      const once = normalizeSingle(text);

      assert.deepEqual(normalizeListToken(token), {ok: true, value: token});
      assert.deepEqual(normalizeSingle(token), {ok: true, value: token});
      if (once.ok) assert.deepEqual(normalizeSingle(once.value), once);
    }
  });
});
