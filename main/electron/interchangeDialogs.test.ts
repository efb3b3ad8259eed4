import { describe, expect, it } from 'vitest';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { createInterchangeDialogs, suggestedExportFileName } from './interchangeDialogs';

describe('the import and export dialogs', () => {
  it('suggest a file name from the case and the format, and add the extension the analyst left off', async () => {
    expect(suggestedExportFileName('JNIM', 'stix')).toBe('JNIM.stix.json');
    expect(suggestedExportFileName('a/b: c', 'graphml')).toBe('a-b- c.graphml');
    const asked: SaveDialogOptions[] = [];
    const dialogs = createInterchangeDialogs(
      {
        showOpenDialog: (_options: OpenDialogOptions) => Promise.resolve({ canceled: false, filePaths: ['/x/in.gexf'] }),
        showSaveDialog: (options) => {
          asked.push(options);
          return Promise.resolve({ canceled: false, filePath: '/x/out' });
        },
      },
      () => '/docs',
    );
    expect(await dialogs.chooseImportFile()).toBe('/x/in.gexf');
    expect(await dialogs.chooseExportPath('gexf', 'JNIM')).toBe('/x/out.gexf');
    expect(asked[0]).toMatchObject({ defaultPath: '/docs/JNIM.gexf', filters: [{ extensions: ['gexf'] }] });
  });

  it('answer null when cancelled', async () => {
    const dialogs = createInterchangeDialogs(
      {
        showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
        showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
      },
      () => '/docs',
    );
    expect(await dialogs.chooseImportFile()).toBeNull();
    expect(await dialogs.chooseExportPath('csv', 'JNIM')).toBeNull();
  });
});
