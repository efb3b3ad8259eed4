import { describe, expect, it } from 'vitest';
import { CREDIBILITY_GRADES } from '../../domain';
import { confidenceToCredibility, credibilityToConfidence, tlpMarkingFor } from './vocab';

describe('STIX confidence ↔ Admiralty credibility (STIX 2.1 confidence appendix)', () => {
  it('maps each grade to the value the appendix gives, and back', () => {
    expect(CREDIBILITY_GRADES.map(credibilityToConfidence)).toEqual([90, 70, 50, 30, 10, undefined]);
    for (const grade of CREDIBILITY_GRADES) expect(confidenceToCredibility(credibilityToConfidence(grade))).toBe(grade);
  });

  it('reads every confidence value into the band it falls in', () => {
    expect([100, 80, 79, 60, 59, 40, 39, 20, 19, 0].map(confidenceToCredibility)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(confidenceToCredibility(undefined)).toBe(6);
  });
});

describe('TLP markings', () => {
  it('tells TLP 1.0 from 2.0 by label and version', () => {
    expect(tlpMarkingFor('TLP:AMBER', undefined)?.id).toBe('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82');
    expect(tlpMarkingFor('TLP:AMBER', '2.0')?.id).toBe('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421');
    expect(tlpMarkingFor('tlp:amber+strict', undefined)?.version).toBe('2.0');
    expect(tlpMarkingFor('TLP:CLEAR', undefined)?.id).toBe('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    expect(tlpMarkingFor('TLP:PURPLE', undefined)).toBeUndefined();
  });
});
