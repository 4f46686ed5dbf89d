/** fast-check arbitraries shared by the property tests (needs the CustomFunctions stub installed first). */
import fc from "fast-check";

/** Every kind of value a cell can hand a custom function. */
export const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0, huge and tiny
  fc.double({ min: -5, max: 110, noNaN: true }),
  fc.integer({ min: -10, max: 5000 }),
  fc.constantFrom(0, -0, 1, 0.5, 25, 50, 7, 1000, 55, 60, 65, 70, 75, 100, Number.MIN_VALUE, Number.MAX_VALUE, 1e-300, 1e300),
  fc.double({ min: 0, max: 100, noNaN: true }).map((n) => String(n)), // numeric text
  fc.constantFrom(" 72 ", "72%", "72,5", "1,000", "0.72", "1e2", "-3", "abc", "TRUE", "", "   ", "#N/A", "٣", "Infinity", "NaN", "0x10", "1,00"),
  fc.string(),
  fc.boolean(),
  fc.constantFrom(null, undefined, ""),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }, new (CustomFunctions.Error as unknown as new (c: string, m: string) => object)("#VALUE!", "upstream")),
);

// ---------------------------------------------------------------------------------------------
// "Any garbage" ranges: each argument gets its own shape, so most runs stop on the shape check.
// Kept as a minority of every custom function's runs (see `sharedOrGarbage`).
// ---------------------------------------------------------------------------------------------

/** A single cell (1×1), a column, a row, a block, or a jagged range. */
export const range: fc.Arbitrary<unknown[][]> = fc.oneof(
  cell.map((c) => [[c]]),
  fc.array(cell, { minLength: 1, maxLength: 12 }).map((a) => a.map((c) => [c])),
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((a) => [a]),
  fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 5 }), // may be jagged
);
export const optRange = fc.option(range, { nil: undefined });
/** Any option text: other functions' choices, garbage, or nothing. */
export const optText: fc.Arbitrary<string | undefined> = fc.option(
  fc.oneof(
    fc.constantFrom("auto", "percent", "fraction", "point", "lower", "upper", "inclusive", "exclusive", "bands", "min", "max", "uncertain", "name", "average", "areas", "band", "group", "PERCENT", ""),
    fc.string(),
  ),
  { nil: undefined },
);

// ---------------------------------------------------------------------------------------------
// Shared-shape ranges: one shape per run, every range argument of that shape (or a single cell,
// which Excel's functions broadcast), filled with cells mostly from the argument's own domain.
// ---------------------------------------------------------------------------------------------

export interface Shape {
  rows: number;
  cols: number;
}
const key = (s: Shape) => `${s.rows}x${s.cols}`;
export const ONE: Shape = { rows: 1, cols: 1 };

/** A shape: mostly a column (a range argument is a column in most sheets) or one cell (a formula per row), else a row or a block. */
export function shapeArb(maxRows = 4, maxCols = 3): fc.Arbitrary<Shape> {
  const arbs: fc.WeightedArbitrary<Shape>[] = [
    { weight: 3, arbitrary: fc.constant(ONE) },
    { weight: 5, arbitrary: fc.integer({ min: 2, max: maxRows }).map((rows) => ({ rows, cols: 1 })) },
  ];
  if (maxCols > 1) {
    arbs.push({ weight: 1, arbitrary: fc.integer({ min: 2, max: maxCols }).map((cols) => ({ rows: 1, cols })) });
    arbs.push({ weight: 1, arbitrary: fc.record({ rows: fc.integer({ min: 2, max: Math.min(4, maxRows) }), cols: fc.integer({ min: 2, max: maxCols }) }) });
  }
  return fc.oneof(...arbs);
}

const matrixCache = new WeakMap<fc.Arbitrary<unknown>, Map<string, fc.Arbitrary<unknown[][]>>>();
/** A rows×cols matrix of cells (the arbitrary is cached per cell arbitrary and shape: fc.chain asks for it every run). */
export function matrixOf<T>(shape: Shape, c: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  let byShape = matrixCache.get(c);
  if (!byShape) matrixCache.set(c, (byShape = new Map()));
  let arb = byShape.get(key(shape));
  if (!arb) {
    const row = fc.array(c, { minLength: shape.cols, maxLength: shape.cols });
    arb = fc.array(row, { minLength: shape.rows, maxLength: shape.rows }) as fc.Arbitrary<unknown[][]>;
    byShape.set(key(shape), arb);
  }
  return arb as fc.Arbitrary<T[][]>;
}

const argCache = new WeakMap<fc.Arbitrary<unknown>, Map<string, fc.Arbitrary<unknown[][]>>>();
/** A range argument of the shared shape; one time in ten a single cell (broadcast to every row). */
export function argOf<T>(shape: Shape, c: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  if (shape.rows === 1 && shape.cols === 1) return matrixOf(shape, c);
  let byShape = argCache.get(c);
  if (!byShape) argCache.set(c, (byShape = new Map()));
  let arb = byShape.get(key(shape));
  if (!arb) {
    arb = fc.oneof({ weight: 9, arbitrary: matrixOf(shape, c) }, { weight: 1, arbitrary: matrixOf(ONE, c) }) as fc.Arbitrary<unknown[][]>;
    byShape.set(key(shape), arb);
  }
  return arb as fc.Arbitrary<T[][]>;
}

const optArgCache = new WeakMap<fc.Arbitrary<unknown>, Map<string, fc.Arbitrary<unknown[][] | undefined>>>();
/** An optional range argument: omitted one time in four, else as `argOf`. */
export function optArgOf<T>(shape: Shape, c: fc.Arbitrary<T>): fc.Arbitrary<T[][] | undefined> {
  let byShape = optArgCache.get(c);
  if (!byShape) optArgCache.set(c, (byShape = new Map()));
  let arb = byShape.get(key(shape));
  if (!arb) {
    arb = fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: argOf(shape, c) }) as fc.Arbitrary<unknown[][] | undefined>;
    byShape.set(key(shape), arb);
  }
  return arb as fc.Arbitrary<T[][] | undefined>;
}

/** The runs of a custom function: `shared` (one shape for every range) or `garbage` (independent ranges). */
export interface Case<A> {
  shared: boolean;
  /** The shared shape (null for garbage runs). */
  shape: Shape | null;
  args: A;
}

/**
 * Most runs (17 in 20) from `shared`, built on one shape drawn first; the rest "any garbage".
 * `shared` is called once per shape (cached), so fc.chain costs little.
 */
export function sharedOrGarbage<A>(shapes: fc.Arbitrary<Shape>, shared: (s: Shape) => fc.Arbitrary<A>, garbage: fc.Arbitrary<A>): fc.Arbitrary<Case<A>> {
  const cache = new Map<string, fc.Arbitrary<Case<A>>>();
  const sharedCase = shapes.chain((s) => {
    let arb = cache.get(key(s));
    if (!arb) cache.set(key(s), (arb = shared(s).map((args): Case<A> => ({ shared: true, shape: s, args }))));
    return arb;
  });
  return fc.oneof({ weight: 17, arbitrary: sharedCase }, { weight: 3, arbitrary: garbage.map((args): Case<A> => ({ shared: false, shape: null, args })) });
}

/**
 * An option argument: mostly a valid choice (any case, padded) or blank (the default), sometimes
 * anything at all (another function's choice, garbage text).
 */
export function choice(valid: readonly string[]): fc.Arbitrary<string | undefined> {
  const good = [...valid, ...valid.map((v) => v.toUpperCase()), ...valid.map((v) => ` ${v} `)];
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(undefined, "", "  ") }, { weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: optText });
}

/** What the function will make of an option (as parseChoice): the choice, the default when blank, or null when refused. */
export function resolveChoice<T extends string>(raw: unknown, valid: readonly T[], fallback: T): T | null {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return fallback;
  if (typeof raw !== "string") return null;
  const t = raw.trim().toLowerCase();
  return valid.find((v) => v.toLowerCase() === t) ?? null;
}

// ---- cells of each argument's domain (valid most of the time; `cell` garbage about one time in eight)

const mix = <T>(good: fc.WeightedArbitrary<T>[], garbageWeight = 2): fc.Arbitrary<unknown> => fc.oneof(...(good as fc.WeightedArbitrary<unknown>[]), { weight: garbageWeight, arbitrary: cell });
/**
 * A decimal in [min, max] with up to `digits` decimal places. Much cheaper to generate than
 * fc.double (which draws a 64-bit index as a BigInt); the odd doubles (NaN, ±Infinity, -0, 1e-300,
 * 54.99999999999999…) come from `cell` and from the cut-off constants.
 */
export const decimal = (min: number, max: number, digits = 6): fc.Arbitrary<number> => {
  const k = 10 ** digits;
  return fc.integer({ min: Math.round(min * k), max: Math.round(max * k) }).map((i) => i / k);
};

/** A percentage: 0–100, a fraction 0–1 (an Excel % cell), values on the cut-offs, numeric and "%" text. */
export const pctCell = mix([
  { weight: 5, arbitrary: decimal(0, 100) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 2, arbitrary: decimal(0, 1, 8) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(0, 1, 25, 50, 100, 24.999999999, 25.000000001, 49.99999, 0.25, 0.5, 0.07, "25", " 50 ", "72%", "0.3", "1e1", "24.5%", "1,000") },
]);
/** A "get on well together" score, dense around the band cut-offs 55–75. */
export const scoreCell = mix([
  { weight: 4, arbitrary: decimal(45, 85) },
  { weight: 2, arbitrary: decimal(0, 100) },
  { weight: 2, arbitrary: fc.integer({ min: 50, max: 80 }) },
  { weight: 1, arbitrary: decimal(0.45, 0.85, 8) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(55, 60, 65, 70, 75, 54.999999, 54.9999999999, 74.9999999999, 75.0000000001, 0.55, 0.75, 0.5999999999999, 100, 0, "59", "72%", " 61.5 ") },
]);
/** A CI half-width (±), or blank. */
export const ciCell = mix([
  { weight: 4, arbitrary: decimal(0, 8) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "", 0, 2, 2.5, "1.5", 0.02, 0.5, 101) },
]);
/** A8 workers per 10,000. */
export const a8Cell = mix([
  { weight: 4, arbitrary: decimal(0, 40) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(7, 6.999999, 7.000001, 0, "7", " 12 ", 0.5) },
]);
/** 1984 coal + textiles + steel jobs, or blank (needed for types 2/3 only). */
export const jobsCell = mix([
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 1, arbitrary: decimal(0, 1e5, 2) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(1000, 999, 999.5, 0, "1,000", "2400", null, "") },
]);
/** A single-issue assertion: TRUE/FALSE in any of its spellings, or blank. */
export const flagCell = mix([{ weight: 6, arbitrary: fc.constantFrom<unknown>(true, false, "TRUE", "false", "yes", "n", 1, 0, null, "", " Y ") }]);
/** A population or count. */
export const countCell = mix([
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 2, arbitrary: decimal(0, 1e6, 3) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, 1, "1,000", " 250 ", 1e300) },
]);
/** A sample size. */
export const sampleCell = mix([
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5000 }) },
  { weight: 2, arbitrary: decimal(0.001, 1e6, 3) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(1, 10, 800, 1100, "800", 1e300, Number.MIN_VALUE, 0.5) },
]);
/** A design effect (≥ 1), or blank. */
export const deffCell = mix([
  { weight: 4, arbitrary: decimal(1, 5) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(1, 1.5, 2, null, "", "1.2", 0.9) },
]);
/** A plain number (indicators, benchmarks). */
export const numCell = mix([
  { weight: 4, arbitrary: decimal(-1000, 1000) },
  { weight: 3, arbitrary: fc.integer({ min: -50, max: 150 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -0, 1e-9, "12", " 3.5 ", null, "") },
]);
/** A family type: 1–9, "total", near misses. */
export const typeCell = mix([
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>("total", " Total ", "TOTAL", "3", " 7 ", 0, 10, 2.5, -1, "", null, "1e0", 9.0000001) },
]);
