import { describe, expect, it } from 'vitest';
import { electronAccelerator, menuSections, type MenuModel } from './menuModel';

describe('menu model', () => {
  it('turns registry shortcuts into Electron accelerators', () => {
    expect(electronAccelerator('Ctrl+Shift+E')).toBe('CmdOrCtrl+Shift+E');
    expect(electronAccelerator('Ctrl+0')).toBe('CmdOrCtrl+0');
    expect(electronAccelerator('Alt+m')).toBe('Alt+M');
    expect(electronAccelerator('+')).toBe('Plus');
    expect(electronAccelerator('Ctrl++')).toBe('CmdOrCtrl+Plus');
    expect(electronAccelerator('Escape')).toBe('Escape');
    expect(electronAccelerator('Delete')).toBe('Delete');
  });

  it('orders a menu by section, then by registry order', () => {
    const item = (commandId: string, bar: 'file' | 'edit', section: number) => ({ commandId, label: commandId, enabled: true, place: { bar, section } });
    const model: MenuModel = { items: [item('b', 'file', 2), item('a', 'file', 1), item('x', 'edit', 0), item('c', 'file', 1)] };
    expect(menuSections(model, 'file').map((s) => s.map((i) => i.commandId))).toEqual([['a', 'c'], ['b']]);
    expect(menuSections(model, 'help')).toEqual([]);
  });
});
