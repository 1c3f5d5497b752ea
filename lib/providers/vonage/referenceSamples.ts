/**
 * Reads the request and response JSON samples out of the Vonage reference text
 * (../shared/reference/vonage-10dlc-api.txt) for the sample-walk test: each endpoint starts with a
 * line `<method>https://api-eu.vonage.com/v1/10dlc<path>`, and each sample with a line
 * `Ejemplo Solicitar` (request) or `Ejemplo Respuesta` (response) followed by a JSON document.
 * Examples whose content type has no JSON preview ("La vista previa de ejemplo no es compatible…")
 * are reported as `nonJson`.
 */
export interface ReferenceSample {
  /** e.g. "POST /brands/:brand_id/campaigns" */
  endpoint: string;
  kind: "request" | "response";
  /** 1-based line of the "Ejemplo …" label. */
  line: number;
  json: unknown;
}

export interface ExtractedSamples {
  endpoints: string[];
  samples: ReferenceSample[];
  nonJson: { endpoint: string; kind: "request" | "response"; line: number }[];
}

const ENDPOINT = /^(get|post|put|patch|delete)https:\/\/api-eu\.vonage\.com\/v1\/10dlc(\S+)$/;
const LABEL = /^Ejemplo (Solicitar|Respuesta)/;

export function extractVonageSamples(text: string): ExtractedSamples {
  const lines = text.split("\n");
  const out: ExtractedSamples = { endpoints: [], samples: [], nonJson: [] };
  let endpoint: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const e = ENDPOINT.exec(lines[i]!);
    if (e) {
      endpoint = `${e[1]!.toUpperCase()} ${e[2]}`;
      out.endpoints.push(endpoint);
      continue;
    }
    const l = LABEL.exec(lines[i]!);
    if (!l || !endpoint) continue;
    const kind = l[1] === "Solicitar" ? "request" : "response";
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === "") j++;
    if (!/^[[{]/.test(lines[j] ?? "")) {
      out.nonJson.push({ endpoint, kind, line: i + 1 });
      continue;
    }
    // Grow the block line by line until it parses: samples are pretty-printed and end at their closing bracket.
    let buf = "";
    let parsed: { ok: true; value: unknown } | null = null;
    for (let k = j; k < lines.length && k < j + 5000; k++) {
      buf += `${lines[k]}\n`;
      try {
        parsed = { ok: true, value: JSON.parse(buf) };
        break;
      } catch {
        /* not complete yet */
      }
    }
    if (!parsed) throw new Error(`Sample at line ${i + 1} (${endpoint}) is not valid JSON`);
    out.samples.push({ endpoint, kind, line: i + 1, json: parsed.value });
  }
  return out;
}
