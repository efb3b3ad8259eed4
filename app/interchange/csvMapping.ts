import { z } from 'zod';

/** A column: its header name, or its 0-based position. */
const column = z.union([z.string().min(1).max(200), z.number().int().min(0).max(10_000)]);

const endSchema = z
  .object({
    label: column,
    type: column.optional(),
    /** The entity type when no column holds one. */
    fixedType: z.string().min(1).max(100).optional(),
  })
  .strict();

/**
 * Which CSV column holds what, as the import dialog's column-mapping step (and a saved mapping)
 * gives it. Each row is one link between two entities, i2-style:
 * `entity, type, link, entity, type, date, grade`.
 */
export const csvMappingSchema = z
  .object({
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    hasHeader: z.boolean().optional(),
    from: endSchema,
    to: endSchema,
    link: z
      .object({
        type: column.optional(),
        fixedType: z.string().min(1).max(100).optional(),
        label: column.optional(),
        description: column.optional(),
        startDate: column.optional(),
        endDate: column.optional(),
        directed: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** An Admiralty grade such as "B2" (reliability and credibility in one cell). */
    grade: column.optional(),
    reliability: column.optional(),
    credibility: column.optional(),
    /** Further columns kept as link attributes, under their header names. */
    attributes: z.array(column).max(1000).optional(),
  })
  .strict();

export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** The i2-style layout read when no mapping is given: entity, type, link, entity, type, date, grade. */
export const I2_STYLE_MAPPING: CsvMapping = {
  from: { label: 0, type: 1 },
  link: { type: 2, startDate: 5 },
  to: { label: 3, type: 4 },
  grade: 6,
};
