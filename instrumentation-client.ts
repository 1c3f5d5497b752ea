// Runs in the browser before the portal's own code (Next.js loads it ahead of hydration).
import { z } from "zod";

// zod 4 probes for eval (`new Function("")`) the first time it builds an object schema, to decide whether it may
// compile fast parsers. The probe is caught, but under the portal's CSP (no 'unsafe-eval') the browser still reports a
// violation on every page. Jitless parsing needs no eval and skips the probe (see zod's util.allowsEval).
z.config({ jitless: true });
