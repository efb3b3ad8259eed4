import { z } from 'zod';

// zod probes for eval (`Function('')`) before compiling fast parsers; the page's CSP refuses eval and
// reports each refusal as a violation. Jitless parsing never asks. Imported first by main.tsx.
z.config({ jitless: true });
