// Hostile inputs shared by the fuzzing suites: the shapes that break parsers and databases rather than random
// noise. Wrong types, huge strings, deep nesting, prototype keys, unicode that does not round-trip (lone
// surrogates, NUL, bidi overrides, BOM), numbers JSON cannot carry, arrays where objects are expected.
import fc from "fast-check";
import type { z } from "zod";

export const MB = 1 << 20;
export const HUGE_STRINGS = ["A".repeat(MB), "💥".repeat(MB / 4), "\u0000".repeat(MB / 8), `${"<".repeat(MB / 2)}script>`];

const NASTY_CHARS = ["\u0000", "\ud800", "\udfff", "\u202e", "\ufeff", "\u2028", "\r\n", "%00", "../", "'; --", "${x}", "{{x}}", "\\"];

/** Strings mixing ordinary text with NUL, lone surrogates, emoji and control characters. */
export const nastyString = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_CHARS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 2 }) },
  ),
  maxLength: 40,
});

export const weirdNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1e308, -1, 2 ** 53 + 2, Number.MIN_VALUE, 0.1),
  fc.double(),
  fc.integer(),
);

export const hugeString = fc.constantFrom(...HUGE_STRINGS);

/** An object nested `depth` levels deep, alternating objects and arrays, with a hostile leaf. */
export function nest(depth: number, leaf: unknown, key = "a"): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 3 === 2 ? [v] : { [key]: v };
  return v;
}
export const deepNesting = fc.tuple(fc.integer({ min: 200, max: 2000 }), fc.constantFrom("a", "__proto__", "values", "data")).map(([d, k]) => nest(d, "leaf", k));

const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** Objects whose own keys include __proto__/constructor/prototype, built the way JSON.parse builds them. */
export const protoPolluted = fc
  .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}: ${JSON.stringify({ polluted: true, isAdmin: true, role: "OWNER", v })}, "toString": "x"}`) as unknown);

export const hostileScalar = fc.oneof(
  nastyString,
  weirdNumber,
  fc.constantFrom(null, undefined, true, false, "", " ", "null", "undefined", "0", "-1", "NaN", "true", "[object Object]"),
  fc.bigInt().map((b) => b),
  fc.date({ noInvalidDate: false }),
);

/** Any value at all, including the structural attacks. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 3, arbitrary: fc.anything({ key: fc.oneof(fc.constantFrom(...PROTO_KEYS), nastyString), maxDepth: 3, stringUnit: "binary", withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: protoPolluted },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 5 }) },
);

/** The top-level keys a zod schema reads (objects, intersections, unions, pipes and wrappers). */
export function schemaKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const visit = (s: unknown, depth: number) => {
    if (!s || typeof s !== "object" || depth > 8) return;
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === "object" && def.shape && typeof def.shape === "object") for (const k of Object.keys(def.shape)) keys.add(k);
    for (const k of ["left", "right", "in", "out", "innerType", "schema"]) visit(def[k], depth + 1);
    if (Array.isArray(def.options)) for (const o of def.options) visit(o, depth + 1);
  };
  visit(schema, 0);
  return [...keys];
}

type Def = Record<string, unknown> & { type?: string };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** A value of roughly the type the schema expects (enum members, literals, short strings), so runs get past the
 * first checks and reach the handler; any part of it may still be replaced by a hostile value. */
export function plausible(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > 6) return hostileValue;
  const mix = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: hostileValue });
  switch (def.type) {
    case "enum": return mix(fc.constantFrom(...Object.values(def.entries as Record<string, unknown>)));
    case "literal": return mix(fc.constantFrom(...(def.values as unknown[])));
    case "boolean": return mix(fc.boolean());
    case "number": case "int": return mix(fc.integer({ min: -5, max: 100_000 }));
    case "string": return mix(fc.oneof(fc.stringMatching(/^[A-Z0-9]{1,12}$/), fc.emailAddress(), fc.webUrl(), nastyString));
    case "array": return mix(fc.array(plausible(def.element, depth + 1), { maxLength: 4 }));
    case "object": return mix(fc.record(Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([k, v]) => [k, plausible(v, depth + 1)])), { requiredKeys: [] }));
    case "optional": case "nullable": case "default": case "prefault": case "readonly": case "catch": case "nonoptional":
      return plausible(def.innerType, depth + 1);
    case "pipe": return plausible(def.in, depth + 1);
    case "union": return fc.oneof(...(def.options as unknown[]).map((o) => plausible(o, depth + 1)));
    case "intersection": return fc.tuple(plausible(def.left, depth + 1), plausible(def.right, depth + 1)).map(([a, b]) => (a && b && typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a));
    default: return hostileValue;
  }
}

/** The schema's object shape (merged through intersections), for schema-shaped inputs. */
function shapeOf(schema: unknown, depth = 0): Record<string, unknown> {
  const def = defOf(schema);
  if (!def || depth > 8) return {};
  if (def.type === "object") return def.shape as Record<string, unknown>;
  if (def.type === "intersection") return { ...shapeOf(def.left, depth + 1), ...shapeOf(def.right, depth + 1) };
  for (const k of ["in", "innerType", "schema"]) if (def[k]) return shapeOf(def[k], depth + 1);
  return {};
}

/** Inputs for one action: wholly hostile values, and objects with the schema's own keys holding hostile or
 * nearly-right values. */
export function actionInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  const keys = [...new Set([...Object.keys(shape), ...schemaKeys(schema)])];
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(hostileValue, plausible(shape[k]))])), { requiredKeys: [] }).chain((o) =>
        fc.option(fc.tuple(fc.constantFrom(...PROTO_KEYS), hostileValue), { nil: undefined }).map((extra) => {
          if (!extra) return o;
          // An own property named __proto__, as JSON.parse would make it.
          Object.defineProperty(o, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
          return o;
        }),
      )
    : fc.constant({});
  return fc.oneof({ weight: 2, arbitrary: hostileValue }, { weight: 3, arbitrary: shaped });
}

/** A short, loggable picture of an input (huge strings and deep nesting abbreviated). */
export function describeInput(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === "string" && x.length > 60 ? `${x.slice(0, 20)}…(${x.length} chars)` : typeof x === "bigint" ? `${x}n` : x));
    return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return Object.prototype.toString.call(v);
  }
}
