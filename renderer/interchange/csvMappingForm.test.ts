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

  it('leaves "from the file" choices out, so the reader works them out and reports them; explicit ones go through', () => {
    const auto = toCsvMapping(I2_STYLE_FORM);
    expect(auto).not.toHaveProperty('layout');
    expect(auto).not.toHaveProperty('encoding');
    expect(auto).not.toHaveProperty('delimiter');
    expect(auto).not.toHaveProperty('hasHeader');
    expect(auto).not.toHaveProperty('dateOrder');
    const chosen = toCsvMapping({ ...I2_STYLE_FORM, layout: 'matrix', encoding: 'windows-1252', delimiter: ';', header: 'no', dateOrder: 'mdy', sheet: 'Ties' });
    expect(csvMappingSchema.parse(chosen)).toMatchObject({ layout: 'matrix', encoding: 'windows-1252', delimiter: ';', hasHeader: false, dateOrder: 'mdy', sheet: 'Ties' });
    // A matrix or an edge list reads no entity columns, so none are required.
    expect(mappingProblem({ ...I2_STYLE_FORM, layout: 'edgeList', fromLabel: '', toLabel: '' })).toBeNull();
  });

  it('says what is missing', () => {
    expect(mappingProblem(I2_STYLE_FORM)).toBeNull();
    expect(mappingProblem({ ...I2_STYLE_FORM, toLabel: ' ' })).toMatch(/target entity/);
  });
});
