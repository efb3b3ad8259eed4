import { z } from 'zod';

/**
 * The analyst's settings for the app (not for a case): the theme and the side panels' layout.
 * main keeps them in one small JSON file in the user-data folder (main/settingsStore.ts); the
 * renderer reads and changes them through `settings.get` and `settings.update`.
 */

/** The file's own format number: a file with a higher one was written by a newer app. */
export const SETTINGS_FORMAT = 1;

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
/** What the analyst chose in View › Theme: follow the system, or a fixed theme. */
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** Panel widths are pixels; anything outside this range is a damaged value, not a choice. */
export const PANEL_WIDTH_LIMITS = { min: 120, max: 4000 } as const;

const panelId = z.string().regex(/^[a-z][a-zA-Z0-9.-]{0,39}$/);
export const panelLayoutSchema = z
  .object({
    width: z.number().finite().min(PANEL_WIDTH_LIMITS.min).max(PANEL_WIDTH_LIMITS.max),
    collapsed: z.boolean(),
  })
  .strict();
/** One side panel's remembered layout: its width when open, and whether it is collapsed. */
export type PanelLayout = z.infer<typeof panelLayoutSchema>;

/** Panels by id (e.g. "side"); a panel not listed has its default layout. */
const panelsSchema = z.record(panelId, panelLayoutSchema).refine((panels) => Object.keys(panels).length <= 20, 'At most 20 panels.');

export const settingsSchema = z
  .object({
    theme: z.enum(THEME_CHOICES),
    panels: panelsSchema,
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** What the file holds: the settings and the format they are written in. */
export const settingsFileSchema = settingsSchema.extend({ format: z.literal(SETTINGS_FORMAT) }).strict();

/** A change: the fields given replace the stored ones; panels are replaced one by one. */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEME_CHOICES).optional(),
    panels: panelsSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', panels: {} };

export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    theme: patch.theme ?? settings.theme,
    panels: { ...settings.panels, ...(patch.panels ?? {}) },
  };
}

/** What `settings.get` answers: the settings, and once a sentence about a file that had to be set aside. */
export interface SettingsSnapshot {
  settings: Settings;
  notice: string | null;
}
