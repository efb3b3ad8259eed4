import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, openCaseFile, type CaseStore } from './caseFile';
import { caseMarking, setCaseMarking, setCaseMeta } from './caseMeta';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder();
  store = createCaseFile(tmp.file('m.awcase'), { name: 'Marking' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('the handling marking', () => {
  it('is none until set, kept in the file, and removed by none or empty text', () => {
    expect(caseMarking(store.db)).toEqual({ kind: 'none' });
    setCaseMarking(store.db, { kind: 'tlp', label: 'AMBER+STRICT' });
    store.close();
    store = openCaseFile(tmp.file('m.awcase'));
    expect(caseMarking(store.db)).toEqual({ kind: 'tlp', label: 'AMBER+STRICT' });
    setCaseMarking(store.db, { kind: 'text', text: 'OFFICIAL-SENSITIVE' });
    expect(caseMarking(store.db)).toEqual({ kind: 'text', text: 'OFFICIAL-SENSITIVE' });
    setCaseMarking(store.db, { kind: 'text', text: '   ' });
    expect(caseMarking(store.db)).toEqual({ kind: 'none' });
  });

  it('reads an unreadable or unknown stored marking as none, never as something else', () => {
    setCaseMeta(store.db, 'marking', '{not json');
    expect(caseMarking(store.db)).toEqual({ kind: 'none' });
    setCaseMeta(store.db, 'marking', JSON.stringify({ kind: 'tlp', label: 'WHITE' }));
    expect(caseMarking(store.db)).toEqual({ kind: 'none' });
  });
});
