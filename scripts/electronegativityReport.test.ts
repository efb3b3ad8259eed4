import { describe, expect, it } from 'vitest';
import { CSV_HEADER, judgeFindings, parseCsvRecords, parseElectronegativityCsv } from './electronegativityReport';

const row = (check: string, severity: string, sample = 'N/A') =>
  `${check},"${severity}","FIRM","main/electron/main.ts","235:19",${sample === 'N/A' ? 'N/A' : `"${sample.replace(/"/g, '""')}"`},"Review ${check}",https://github.com/doyensec/electronegativity/wiki/${check}`;

describe("reading Electronegativity's CSV", () => {
  it('parses quoted fields holding commas, quotes and newlines', () => {
    expect(parseCsvRecords('a,"b, c","say ""hi""\nthere"\r\nd,,e\n')).toEqual([
      ['a', 'b, c', 'say "hi"\nthere'],
      ['d', '', 'e'],
    ]);
  });

  it('reads findings, including N/A fields and samples full of punctuation', () => {
    const text = [CSV_HEADER, row('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'new BrowserWindow({ a: "x", b })'), row('CSP_GLOBAL_CHECK', 'LOW')].join('\n');
    const findings = parseElectronegativityCsv(`${text}\n`);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', sample: 'new BrowserWindow({ a: "x", b })' });
    expect(findings[1]?.sample).toBe('N/A');
    expect(parseElectronegativityCsv(`${CSV_HEADER}\n`)).toEqual([]);
  });

  it('refuses a garbled report rather than passing it as clean', () => {
    expect(() => parseElectronegativityCsv('')).toThrow(/header/);
    expect(() => parseElectronegativityCsv(`${row('X_CHECK', 'HIGH')}\n${CSV_HEADER}`)).toThrow(/header/);
    // The header written over the start of the rows, as the tool's two unsynchronised writes can do.
    const overwritten = `${CSV_HEADER}\n${row('SANDBOX_JS_CHECK', 'HIGH')}`;
    const clobbered = CSV_HEADER + overwritten.slice(CSV_HEADER.length + 20);
    expect(() => parseElectronegativityCsv(clobbered)).toThrow();
    expect(() => parseElectronegativityCsv(`${CSV_HEADER}\nX_CHECK,"SEVERE","FIRM","f","1:1",N/A,"d",u`)).toThrow(/severity/);
    expect(() => parseElectronegativityCsv(`${CSV_HEADER}\nX_CHECK,"HIGH"`)).toThrow(/fields/);
    expect(() => parseElectronegativityCsv(`${CSV_HEADER}\nX_CHECK,"HIGH`)).toThrow(/quoted/);
  });
});

describe('judging the findings', () => {
  it('fails on HIGH only, and lists the rest as advice, most severe first', () => {
    const findings = parseElectronegativityCsv(
      [CSV_HEADER, row('CSP_GLOBAL_CHECK', 'LOW'), row('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'), row('SANDBOX_JS_CHECK', 'MEDIUM'), row('X_CHECK', 'INFORMATIONAL')].join('\n'),
    );
    const verdict = judgeFindings(findings);
    expect(verdict.failing.map((f) => f.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
    expect(verdict.advisory.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK', 'CSP_GLOBAL_CHECK', 'X_CHECK']);
    expect(verdict.lines[0]).toBe('FAIL     HIGH/FIRM CONTEXT_ISOLATION_JS_CHECK (main/electron/main.ts:235): Review CONTEXT_ISOLATION_JS_CHECK');
    expect(judgeFindings(findings.filter((f) => f.severity !== 'HIGH')).failing).toEqual([]);
  });
});
