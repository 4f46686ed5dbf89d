import { cohesion, ensureBuilt } from "./helpers";

beforeAll(() => ensureBuilt(), 180_000);

const json = (args: string[]) => {
  const r = cohesion(["recommend", ...args, "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe("cohesion recommend", () => {
  it("--json: exactly one object with universal, ranked actions, avoid and group", () => {
    const o = json(["--issue", "I07", "--issue", "I09"]);
    expect(Object.keys(o).sort()).toEqual(["actions", "avoid", "group", "issues", "source", "universal"]);
    expect(o.universal.map((u: { code: string }) => u.code)).toEqual(["U1", "U2", "U3", "U4", "U5"]);
    expect(Object.keys(o.universal[0]).sort()).toEqual(["code", "id", "title"]);
    expect(o.actions.map((a: { code: string; count: number }) => `${a.code}:${a.count}`)).toEqual(["A03:2", "A09:2", "A02:1", "A06:1", "A08:1", "A14:1"]);
    expect(o.actions[0]).toEqual({ code: "A03", id: expect.any(String), title: "Hold a citizens' day", issues: ["I07", "I09"], count: 2 });
    expect(o.avoid.map((x: { code: string }) => x.code)).toEqual(["X01", "X02", "X03", "X04", "X05", "X06", "X07", "X08", "X09", "X10", "X11"]);
    expect(o.group).toBeNull();
  });

  it("takes snake-case ids as well as codes, and counts a duplicate once", () => {
    const byId = json(["--issue", "few_interethnic_friends", "--issue", "low_volunteering", "--issue", "I07"]);
    expect(byId.actions).toEqual(json(["--issue", "I07", "--issue", "I09"]).actions);
  });

  it("--group adds the Annex C advice", () => {
    const o = json(["--issue", "I01", "--group", "c"]);
    expect(o.group).toMatchObject({ group: "c", heading: expect.stringMatching(/^Family group c\)/) });
    expect(o.group.worksWell.length).toBeGreaterThan(0);
  });

  it("--source all puts the LGA 2019 items after the 2009 actions", () => {
    const o = json(["--issue", "I06", "--source", "all"]);
    const codes: string[] = o.actions.map((a: { code: string }) => a.code);
    const firstLga = codes.findIndex((c) => !/^A\d\d$/.test(c));
    expect(firstLga).toBeGreaterThan(0);
    expect(codes.slice(firstLga).every((c) => !/^A\d\d$/.test(c))).toBe(true);
  });

  it("prints a readable plan without --json", () => {
    const r = cohesion(["recommend", "--issue", "I07", "--group", "d"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Universal actions/);
    expect(r.stdout).toMatch(/1\. A\d\d /);
    expect(r.stdout).toMatch(/Family group d\)/);
    expect(r.stdout).toMatch(/Approaches to avoid/);
  });

  it.each([
    [["--issue", "I99"], /Unknown issue "I99"/],
    [["--issue", "I01", "--group", "z"], /Family group "z" is not one of a, b, c, d or e/],
    [["--issue", "I01", "--source", "web"], /--source must be one of "cdf2009", "all"/],
    [[], /give at least one --issue/],
  ])("%j → exit 2 with one line", (args, message) => {
    const r = cohesion(["recommend", ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^cohesion: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});
