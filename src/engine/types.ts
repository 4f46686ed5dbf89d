/**
 * Shared types of the engine. The engine is pure: no Office, React, DOM, fs or clock.
 * Errors are values: every entry point returns a {@link Result} and never throws on bad input.
 */

/** Source documents (docs/sources.md lists each with its title, date, publisher and licence). */
export type DocKey =
  | "CDF" // Cohesion Delivery Framework – Overview, CLG, January 2009
  | "GR" // The Government's Response to the Commission on Integration and Cohesion, CLG, February 2008
  | "REC" // 'Our Shared Future' – the Commission's 57 recommendations (June 2007)
  | "SoS" // Secretary of State's letter to the Commission chair, October 2007
  | "LGA2019" // Building cohesive communities – an LGA guide, March 2019
  | "CLS" // Citizenship Survey / Community Life Survey national releases
  | "METHOD" // a published statistical method (Wilson, Duncan & Duncan, …)
  | "DECISION"; // a decision of this project (README "Decisions"), not a source document

/** Where a rule or a figure comes from: document and paragraph/table. */
export interface Source {
  doc: DocKey;
  /** Paragraph, table, annex or section, with the page where it helps: "¶2.3", "Annex D, Table D1", "Key tools: Data, pp. 15–18". */
  ref: string;
  /** First printed page, where the document's pages are the usual way to find it (the LGA guide). */
  page?: number;
}

export interface Warning {
  code: string;
  message: string;
}

export type EngineErrorCode =
  /** A required value is blank or absent. Excel: #N/A. */
  | "missing"
  /** A value is present but not usable (text, wrong type, out of range). Excel: #VALUE!. */
  | "invalid"
  /** An id or figure that does not exist in the shipped data. Excel: #N/A. */
  | "notFound";

export interface EngineError {
  code: EngineErrorCode;
  /** One sentence a person can act on: names the argument and the accepted range. */
  message: string;
  /** The input field the error is about, if any (e.g. "score", "nvq4"). */
  field?: string;
}

export interface Ok<T> {
  ok: true;
  value: T;
  /** Non-fatal remarks (ambiguous scale, value on a cut-off, …). */
  warnings: Warning[];
  /** One line saying which rule fired with which inputs. */
  explanation: string;
}

export interface Fail {
  ok: false;
  error: EngineError;
}

export type Result<T> = Ok<T> | Fail;

/** A success whose explanation is computed on first read (a prototype getter: cheap to create in bulk). */
class LazyOk<T> implements Ok<T> {
  readonly ok = true as const;
  private text: string | undefined;
  constructor(
    readonly value: T,
    readonly warnings: Warning[],
    private readonly explain: () => string,
  ) {}
  get explanation(): string {
    return (this.text ??= this.explain());
  }
}

/**
 * A success. `explanation` may be given as a function: it is then computed on first read only,
 * so whole-table runs do not pay for text nobody reads (formatting was most of the engine's time).
 */
/** The shared "no warnings" list (frozen: callers build their own array to add warnings). */
export const NO_WARNINGS: Warning[] = Object.freeze([]) as unknown as Warning[];

/** Concatenates warning lists without allocating when all are empty (the common case in bulk runs). */
export function joinWarnings(...lists: Warning[][]): Warning[] {
  let found: Warning[] | null = null;
  for (const l of lists) if (l.length) found = found ? [...found, ...l] : l;
  return found ?? NO_WARNINGS;
}

export function ok<T>(value: T, explanation: string | (() => string), warnings: Warning[] = NO_WARNINGS): Ok<T> {
  if (typeof explanation === "string") return { ok: true, value, warnings, explanation };
  return new LazyOk(value, warnings, explanation);
}

export function fail(code: EngineErrorCode, message: string, field?: string): Fail {
  return field === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, field } };
}
