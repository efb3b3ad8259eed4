import { describe, expect, it } from 'vitest';
import { csvMappingSchema } from '../../app/interchange/csvMapping';
import { I2_STYLE_FORM, mappingProblem, toCsvMapping } from './csvMappingForm';

describe('the CSV column-mapping form', () => {
  it('turns 1-based column numbers and header names into a valid mapping', () => {
    const mapping = toCsvMapping({ ...I2_STYLE_FORM, fromLabel: 'Person', fromType: '', fromFixedType: 'person', grade: '' });
    expect(csvMappingSchema.parse(mapping)).toEqual(mapping);
    expect(mapping).toMatchObject({ from: { label: 'Person', fixedType: 'person' }, to: { label: 3, type: 4 }, link: { type: 2, startDate: 5 } });
    expect(mapping.grade).toBeUndefined();
  });

  it('says what is missing', () => {
    expect(mappingProblem(I2_STYLE_FORM)).toBeNull();
    expect(mappingProblem({ ...I2_STYLE_FORM, toLabel: ' ' })).toMatch(/target entity/);
  });
});
