/**
 * Which requirement sets the add-in's code needs, read from the code itself with the TypeScript
 * compiler API (used by test/manifest/requirementSets.test.ts).
 *
 * 1. `apiTagMap()` parses the Office typings (@types/office-js, @types/custom-functions-runtime) and
 *    maps every member that states a requirement set in its JSDoc to that set: `Excel.Range.numberFormat`
 *    → ExcelApi 1.1, `Excel.Range.dataValidation` → ExcelApi 1.8, `Office.Addin.setStartupBehavior` → SharedRuntime 1.1,
 *    `CustomFunctions.Error` → CustomFunctionsRuntime 1.2. Two spellings are read: the application
 *    models' `[Api set: ExcelApi 1.7]` and the common API's `**Requirement set**: {@link … | SharedRuntime 1.1}`.
 *    A tag inside a `@param` block applies only when that argument is passed
 *    (`getUsedRange(valuesOnly)`: valuesOnly is ExcelApi 1.2). A common-API set named without a version
 *    (`| Settings}`) is recorded as `unversioned`: reported by the test, not required of the manifest.
 * 2. `scanUses()` builds a ts.Program from the project's tsconfig.json and walks the source files the
 *    add-in runs in Office (src/**, except src/preview — the dev-only stand-in — and src/cli, which
 *    runs in Node). Each property access, element access with a literal key, and object-literal
 *    property written into an Office type (`dataValidation.rule = { list: … }`) is resolved by the
 *    type checker to its declaring symbol; a call is resolved to the overload actually chosen.
 *
 * Conditional uses. A use needs nothing from the manifest when it runs only after a run-time check
 * of a set at the required version or higher. The convention (documented in src/taskpane/excel/requirements.ts,
 * `excelApiSupported`) is that the check is a *guard call*:
 *   - `…isSetSupported("ExcelApi", "1.8")` with literal arguments (any callee named isSetSupported), or
 *   - a call of a project function that passes a literal to such a call: `excelApiSupported("1.8")`,
 *     where the function's body calls `isSetSupported("ExcelApi", version)` with its own parameter.
 * and that the use sits, anywhere below it, in
 *   - the then-branch of an `if` (or `?:`, or right of `&&`) whose condition asserts the guard
 *     (`guard`, `guard && x`), or the else-branch (right of `||`) of one that denies it (`!guard`), or
 *   - a block after an `if (!guard) return …;` / `throw …;` (an early exit) in that block.
 * Anything else is unconditional: the manifest must declare its set at its version.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface Requirement {
  set: string;
  version: string;
  /** The typings name the set without a version (`| Settings}`): "1.1" is assumed, and the use is reported, not required. */
  unversioned?: true;
}

/** Compares "1.10" and "1.9" as versions (1.10 is newer). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// 1. The typings: member → requirement set

interface DeclarationTag {
  /** Qualified name, e.g. "Excel.Range.getUsedRangeOrNullObject". */
  key: string;
  /** Sets the member itself needs (outside @param blocks). */
  requirements: Requirement[];
  /** Sets a parameter needs when its argument is passed. */
  params: Map<string, Requirement[]>;
}

const API_SET = /\[Api set: ([A-Za-z][A-Za-z0-9]*) (\d+(?:\.\d+)*)\s*\]/g;
const REQUIREMENT_LINK = /\{@link [^|}]*\|\s*([A-Za-z][A-Za-z0-9]*)(?: (\d+(?:\.\d+)*))?\s*\}/g;

function requirementsIn(text: string): Requirement[] {
  const out: Requirement[] = [];
  for (const m of text.matchAll(API_SET)) out.push({ set: m[1], version: m[2] });
  // Common API: "**Requirement set**: {@link … | Name 1.1}" or "**Requirement sets**:" followed by a list of links.
  const head = text.search(/\*\*Requirement sets?\*\*:/);
  if (head >= 0) {
    const rest = text.slice(head);
    const end = rest.search(/\n\s*\*\s*\*\*(?!Requirement)|\n\s*\*\s*@/);
    for (const m of (end > 0 ? rest.slice(0, end) : rest).matchAll(REQUIREMENT_LINK)) out.push(m[2] ? { set: m[1], version: m[2] } : { set: m[1], version: "1.1", unversioned: true });
  }
  return out;
}

/** The JSDoc of a declaration split into its own part and its @param blocks. */
function tagOf(node: ts.Node, key: string): DeclarationTag | null {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  if (!docs.length) return null;
  let own = "";
  const params = new Map<string, Requirement[]>();
  // One section per block tag (@remarks, @param x, @returns …); the text before the first is the summary.
  for (const section of docs.map((d) => d.getText()).join("\n").split(/\n(?=\s*\*\s*@\w)/)) {
    const param = /^\s*\*\s*@param\s+(\w+)/.exec(section);
    if (!param) own += `${section}\n`;
    else if (requirementsIn(section).length) params.set(param[1], requirementsIn(section));
  }
  const requirements = requirementsIn(own);
  if (!requirements.length && !params.size) return null;
  return { key, requirements, params };
}

function qualifiedName(node: ts.Node): string | null {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isVariableDeclarationList(n) || ts.isVariableStatement(n) || ts.isModuleBlock(n)) continue;
    const name = (n as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.unshift(name.text);
    else if (ts.isConstructorDeclaration(n)) parts.unshift("constructor");
    else return null;
  }
  return parts.join(".");
}

export interface ApiTagMap {
  /** Qualified member name → tags of each of its declarations (overloads in order). */
  byName: Map<string, DeclarationTag[]>;
  /** Declaration node → its tag (for symbols the checker resolves). */
  byNode: Map<ts.Node, DeclarationTag>;
}

/** Typings whose JSDoc is read, relative to the repository root. */
export const TYPINGS = ["node_modules/@types/office-js/index.d.ts", "node_modules/@types/custom-functions-runtime/index.d.ts"];

/**
 * Walks the typings (as `program` parsed them, so declaration nodes are the checker's own) and
 * tags every class, interface, enum, function, variable and member carrying a requirement set.
 */
export function apiTagMap(program: ts.Program): ApiTagMap {
  const byName = new Map<string, DeclarationTag[]>();
  const byNode = new Map<ts.Node, DeclarationTag>();
  for (const rel of TYPINGS) {
    const file = program.getSourceFile(path.join(ROOT, rel));
    if (!file) throw new Error(`${rel} is not in the program (tsconfig.json "types" should list it)`);
    const visit = (node: ts.Node) => {
      if (
        ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node) || ts.isEnumMember(node) ||
        ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node) ||
        ts.isPropertyDeclaration(node) || ts.isPropertySignature(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)
      ) {
        const key = qualifiedName(node);
        // A variable's JSDoc sits on its statement.
        const tag = key ? tagOf(ts.isVariableDeclaration(node) ? node.parent.parent : node, key) : null;
        if (key && tag) {
          byNode.set(node, tag);
          byName.set(key, [...(byName.get(key) ?? []), tag]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { byName, byNode };
}

// ---------------------------------------------------------------------------------------------
// 2. The code: every use of a tagged member, and whether it is guarded

export interface Use {
  /** Qualified member, e.g. "Excel.Range.dataValidation". */
  member: string;
  requirement: Requirement;
  /** Repository-relative path and 1-based line. */
  file: string;
  line: number;
  /** The run-time check the use sits under, when there is one at the required version or higher. */
  guard: Requirement | null;
}

export interface Scan {
  program: ts.Program;
  tags: ApiTagMap;
  uses: Use[];
  /** `new CustomFunctions.Error(code, message)` calls that pass a message (the 1.2 feature). */
  errorsWithMessage: { file: string; line: number }[];
  /** Every use of an Office.* (common API) member, with the sets its JSDoc names (often none). */
  common: { member: string; requirements: Requirement[]; file: string; line: number }[];
  files: string[];
}

/**
 * The project's program (tsconfig.json). `extraFiles` replaces or adds files by repository-relative path
 * (a test's deliberately broken copy); `oldProgram` lets TypeScript reuse the files that did not change.
 */
export function createProgram(extraFiles: Record<string, string> = {}, oldProgram?: ts.Program): ts.Program {
  const configPath = path.join(ROOT, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error("cannot read tsconfig.json");
  const host = ts.createCompilerHost(config.options, true);
  if (Object.keys(extraFiles).length) {
    const replaced = new Map(Object.entries(extraFiles).map(([rel, text]) => [path.join(ROOT, rel), text]));
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const text = replaced.get(path.resolve(fileName));
      return text !== undefined ? ts.createSourceFile(fileName, text, languageVersion, true) : getSourceFile(fileName, languageVersion, onError, shouldCreate);
    };
    const readFile = host.readFile.bind(host);
    host.readFile = (fileName) => replaced.get(path.resolve(fileName)) ?? readFile(fileName);
  }
  const extra = Object.keys(extraFiles).map((r) => path.join(ROOT, r)).filter((f) => !config.fileNames.map((n) => path.resolve(n)).includes(f));
  if (extra.length) {
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => extra.includes(path.resolve(fileName)) || fileExists(fileName);
  }
  return ts.createProgram({ rootNames: [...config.fileNames, ...extra], options: config.options, host, oldProgram });
}

/** Source files the add-in runs inside Office: src/** except the preview (dev-only) and the CLI (Node). */
export function isOfficeSource(rel: string): boolean {
  return rel.startsWith("src/") && !rel.startsWith("src/preview/") && !rel.startsWith("src/cli/") && /\.tsx?$/.test(rel) && !rel.endsWith(".d.ts");
}

const rel = (fileName: string) => path.relative(ROOT, fileName).split(path.sep).join("/");

/** The highest version among some requirements ("0" for none). */
function highest(rs: readonly Requirement[]): string {
  return rs.reduce((m, r) => (compareVersions(r.version, m) > 0 ? r.version : m), "0");
}

function stringValue(e: ts.Expression | undefined): string | null {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : null;
}

function calleeName(call: ts.CallExpression): string | null {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

export function scanUses(program: ts.Program = createProgram()): Scan {
  const checker = program.getTypeChecker();
  const tags = apiTagMap(program);
  const uses: Use[] = [];
  const errorsWithMessage: { file: string; line: number }[] = [];
  const common: Scan["common"] = [];
  const files = program.getSourceFiles().filter((f) => isOfficeSource(rel(f.fileName)));

  /** The set and version a call checks at run time, if it is a guard call. */
  const guardOf = (call: ts.CallExpression, depth = 0): Requirement | null => {
    if (calleeName(call) === "isSetSupported") {
      const set = stringValue(call.arguments[0]);
      const version = stringValue(call.arguments[1]);
      return set && version ? { set, version } : null;
    }
    if (depth > 2) return null;
    // A project function that forwards a literal version to isSetSupported (excelApiSupported("1.8")).
    const sym = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression);
    const decl = sym && (sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym).valueDeclaration;
    const fn = decl && (ts.isFunctionDeclaration(decl) ? decl : ts.isVariableDeclaration(decl) && decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)) ? decl.initializer : null);
    if (!fn || !fn.body || !isOfficeSource(rel(fn.getSourceFile().fileName))) return null;
    let found: Requirement | null = null;
    const visit = (n: ts.Node) => {
      if (found) return;
      if (ts.isCallExpression(n) && calleeName(n) === "isSetSupported") {
        const set = stringValue(n.arguments[0]);
        const v = n.arguments[1];
        const literal = stringValue(v);
        if (set && literal) found = { set, version: literal };
        else if (set && v && ts.isIdentifier(v)) {
          const i = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === v.text);
          const version = i >= 0 ? stringValue(call.arguments[i]) : null;
          if (version) found = { set, version };
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(fn.body);
    return found;
  };

  /** The guards an expression asserts when it is true (`g`, `g && x`) … */
  const asserts = (e: ts.Expression): Requirement[] => {
    e = unwrap(e);
    if (ts.isCallExpression(e)) {
      const g = guardOf(e);
      return g ? [g] : [];
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...asserts(e.left), ...asserts(e.right)];
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return denies(e.operand);
    return [];
  };
  /** … and when it is false (`!g`, `!g || x`). */
  const denies = (e: ts.Expression): Requirement[] => {
    e = unwrap(e);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return asserts(e.operand);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken) return [...denies(e.left), ...denies(e.right)];
    return [];
  };
  const exits = (s: ts.Statement): boolean => {
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
    if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
    return false;
  };

  /** Every guard in force at `node`: conditions of the branches it is in, and early exits before it. */
  const guardsAt = (node: ts.Node): Requirement[] => {
    const out: Requirement[] = [];
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent)) {
        if (child === parent.thenStatement) out.push(...asserts(parent.expression));
        else if (child === parent.elseStatement) out.push(...denies(parent.expression));
      } else if (ts.isConditionalExpression(parent)) {
        if (child === parent.whenTrue) out.push(...asserts(parent.condition));
        else if (child === parent.whenFalse) out.push(...denies(parent.condition));
      } else if (ts.isBinaryExpression(parent) && child === parent.right) {
        if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) out.push(...asserts(parent.left));
        else if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) out.push(...denies(parent.left));
      } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
        for (const s of parent.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) out.push(...denies(s.expression));
        }
      }
    }
    return out;
  };

  const record = (at: ts.Node, tag: DeclarationTag, requirements: Requirement[], sf: ts.SourceFile) => {
    const guards = requirements.length ? guardsAt(at) : [];
    if (tag.key.startsWith("Office.")) common.push({ member: tag.key, requirements, file: rel(sf.fileName), line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1 });
    for (const r of requirements) {
      const guard = guards.find((g) => g.set === r.set && compareVersions(g.version, r.version) >= 0) ?? null;
      uses.push({ member: tag.key, requirement: r, file: rel(sf.fileName), line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1, guard });
    }
  };

  /** Tags of a symbol's declarations (resolved through aliases). */
  const tagsOfSymbol = (sym: ts.Symbol | undefined): DeclarationTag[] => {
    if (!sym) return [];
    const s = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    return (s.declarations ?? []).map((d) => tags.byNode.get(d)).filter((t): t is DeclarationTag => !!t);
  };

  const useMember = (at: ts.Node, sym: ts.Symbol | undefined, sf: ts.SourceFile) => {
    let found = tagsOfSymbol(sym);
    if (!found.length) {
      // A common API member with no set named in its JSDoc (Office.onReady): listed all the same.
      const decl = sym?.declarations?.[0];
      const key = decl && rel(decl.getSourceFile().fileName) === TYPINGS[0] ? qualifiedName(decl) : null;
      if (key?.startsWith("Office.")) common.push({ member: key, requirements: [], file: rel(sf.fileName), line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1 });
      return;
    }
    const parent = at.parent;
    const call = parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === at ? parent : null;
    if (call && ts.isCallExpression(call) && found.length > 1) {
      // The overload the checker chose.
      const decl = checker.getResolvedSignature(call)?.declaration;
      const chosen = decl ? tags.byNode.get(decl) : undefined;
      if (chosen) found = [chosen];
    }
    // Several declarations left (merged interfaces, or overloads not resolved): the least any of them needs.
    const tag = found.reduce((a, b) => (compareVersions(highest(a.requirements), highest(b.requirements)) <= 0 ? a : b));
    const reqs = [...tag.requirements];
    if (call && ts.isCallExpression(call)) {
      const decl = checker.getResolvedSignature(call)?.declaration;
      if (decl && !ts.isJSDocSignature(decl)) {
        decl.parameters.forEach((p, i) => {
          const pr = ts.isIdentifier(p.name) ? tag.params.get(p.name.text) : undefined;
          if (pr && call.arguments.length > i) reqs.push(...pr);
        });
      }
    }
    record(at, tag, reqs, sf);
  };

  for (const sf of files) {
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        useMember(node, checker.getSymbolAtLocation(node.name), sf);
      } else if (ts.isElementAccessExpression(node)) {
        // obj[key] with a literal key, or a key whose type is a union of literals ("formulas" | "numberFormat").
        const type = checker.getTypeAtLocation(node.argumentExpression);
        const keys = (type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
        const objType = checker.getTypeAtLocation(node.expression);
        for (const k of keys) useMember(node, objType.getProperty(k), sf);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
        // { list: … } written into an Office type (DataValidationRule.list).
        const ctx = checker.getContextualType(node.parent);
        const name = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : null;
        if (ctx && name) {
          for (const t of ctx.isUnion() ? ctx.types : [ctx]) {
            const p = t.getProperty(name);
            if (p && tagsOfSymbol(p).length) {
              useMember(node, p, sf);
              break;
            }
          }
        }
      }
      if (ts.isNewExpression(node) && node.arguments && node.arguments.length >= 2) {
        const sym = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression);
        if (tagsOfSymbol(sym).some((t) => t.key === "CustomFunctions.Error")) {
          errorsWithMessage.push({ file: rel(sf.fileName), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { program, tags, uses, errorsWithMessage, common, files: files.map((f) => rel(f.fileName)) };
}

// ---------------------------------------------------------------------------------------------
// 3. The manifest

/** The <Set> elements of the base <Requirements> (name → MinVersion, DefaultMinVersion when absent). */
export function manifestSets(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, "");
  const sets = /<Requirements>\s*<Sets(?:\s+DefaultMinVersion="([^"]*)")?\s*>([\s\S]*?)<\/Sets>/.exec(base);
  if (!sets) return out;
  const dflt = sets[1] ?? "1.1";
  for (const m of sets[2].matchAll(/<Set\s+([^>]*?)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(m[1])?.[1];
    const min = /MinVersion="([^"]+)"/.exec(m[1])?.[1] ?? dflt;
    if (name) out.set(name, min);
  }
  return out;
}

export function readManifest(): string {
  return fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
}

/**
 * Uses the manifest does not cover (unconditional, and their set absent or declared at a lower version):
 * one line per source line and set, naming the members, e.g.
 * `src/taskpane/excel/run/read.ts:12: Excel.Range.getCellProperties needs ExcelApi 1.9, but manifest.xml declares ExcelApi 1.7 — …`.
 */
export function uncovered(uses: readonly Use[], declared: ReadonlyMap<string, string>, sets: readonly string[]): string[] {
  const byLine = new Map<string, { file: string; line: number; set: string; version: string; members: string[] }>();
  for (const u of uses) {
    if (u.guard || u.requirement.unversioned || !sets.includes(u.requirement.set)) continue;
    const have = declared.get(u.requirement.set);
    if (have && compareVersions(have, u.requirement.version) >= 0) continue;
    const k = `${u.file}:${u.line}:${u.requirement.set}`;
    const entry = byLine.get(k) ?? { file: u.file, line: u.line, set: u.requirement.set, version: u.requirement.version, members: [] };
    if (compareVersions(u.requirement.version, entry.version) > 0) entry.version = u.requirement.version;
    if (!entry.members.includes(u.member)) entry.members.push(u.member);
    byLine.set(k, entry);
  }
  return [...byLine.values()].map((e) => {
    const have = declared.get(e.set);
    const what = e.members.length === 1 ? `${e.members[0]} needs` : `${e.members.join(", ")} need`;
    return (
      `${e.file}:${e.line}: ${what} ${e.set} ${e.version}, but manifest.xml declares ${have ? `${e.set} ${have}` : `no ${e.set}`}` +
      ` — declare ${e.set} ${e.version}, or call it only under isSetSupported("${e.set}", "${e.version}") (see excelApiSupported in src/taskpane/excel/requirements.ts)`
    );
  });
}

/** The highest version of `set` any unconditional use needs ("1.1" if none). */
export function highestUnconditional(uses: readonly Use[], set: string): { version: string; by: Use | null } {
  let best: { version: string; by: Use | null } = { version: "1.1", by: null };
  for (const u of uses) if (!u.guard && u.requirement.set === set && compareVersions(u.requirement.version, best.version) > 0) best = { version: u.requirement.version, by: u };
  return best;
}
