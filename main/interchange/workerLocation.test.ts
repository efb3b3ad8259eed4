import { describe, expect, it } from 'vitest';
import { interchangeWorkerScript, setInterchangeWorkerScript } from './parseHost';

describe('where the import worker is', () => {
  it('is fixed by the build: no environment variable or working folder can name another script', () => {
    setInterchangeWorkerScript(null);
    const saved = process.env.WORKBENCH_INTERCHANGE_WORKER;
    process.env.WORKBENCH_INTERCHANGE_WORKER = __filename;
    try {
      // Run from source, there is no bundled worker beside this module: refused, never taken from elsewhere.
      expect(() => interchangeWorkerScript()).toThrow(/import worker .* is missing/);
    } finally {
      if (saved === undefined) delete process.env.WORKBENCH_INTERCHANGE_WORKER;
      else process.env.WORKBENCH_INTERCHANGE_WORKER = saved;
    }
  });
});
