/**
 * `npm run -s lint:eval [CORPUS]`: runs the compliance check over the evaluation corpus, prints recall,
 * false blocks and precision per use case and overall, and exits 1 below recall 95 % or with any false
 * block (2 when the corpus cannot be read).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Corpus, evaluate, formatReport, meetsThresholds } from "./evaluate";

function main(argv: string[]): number {
  const file = argv[0] ?? fileURLToPath(new URL("./corpus.json", import.meta.url));
  let corpus: Corpus;
  try {
    corpus = Corpus.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (e) {
    process.stderr.write(`cannot read corpus ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const report = evaluate(corpus);
  process.stdout.write(`${formatReport(report)}\n`);
  return meetsThresholds(report.overall) ? 0 : 1;
}

if (process.argv[1] && /eval[\\/]cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
