import * as assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {formatNoteLink, parseNote, parseNoteLink, type NoteLink} from '../../lib/notes/noteLink.ts';

describe(`note lines`, () => {
  it(`writes one line per link, keys in a fixed order, encoding only %, whitespace and control characters`, () => {
    const link: NoteLink = {kind: `assertion`, mission: `m-1`, assertion: `login-works`, feature: `auth`, result: `passed`, evidence: `npm test\n12 passed, 100%`, agent: `Ann Lee`, at: `2026-11-25T10:00:00.000Z`};

    const line = formatNoteLink(link);

    assert.equal(line, `maestro: mission=m-1 assertion=login-works feature=auth result=passed evidence=npm%20test%0A12%20passed,%20100%25 agent=Ann%20Lee at=2026-11-25T10:00:00.000Z`);
    assert.deepEqual(parseNoteLink(line), link);
  });

  it(`cuts evidence to 200 characters`, () => {
    const line = formatNoteLink({kind: `assertion`, mission: `m`, assertion: `a`, evidence: `é`.repeat(250)});

    assert.equal(parseNoteLink(line)!.evidence, `${`é`.repeat(200)}…`);
  });

  it(`ignores unknown keys, and lines that are not links`, () => {
    const note = `maestro: mission=m feature=f status=done future=1 at=2026-02-01T00:00:00.000Z\nreviewed by Ann\nmaestro: mission=m\n\nmaestro: mission=m feature=g status=review at=2026-01-01T00:00:00.000Z\n`;

    const {links, otherLines} = parseNote(note);

    assert.deepEqual(links, [
      {kind: `feature`, mission: `m`, feature: `g`, status: `review`, at: `2026-01-01T00:00:00.000Z`},
      {kind: `feature`, mission: `m`, feature: `f`, status: `done`, at: `2026-02-01T00:00:00.000Z`},
    ]);
    assert.deepEqual(otherLines, [`reviewed by Ann`, `maestro: mission=m`]);
  });

  it(`keeps a value with a stray % as written`, () => {
    const link = parseNoteLink(`maestro: mission=m feature=f status=done evidence=100%`);

    assert.equal(link!.evidence, `100%`);
  });
});
