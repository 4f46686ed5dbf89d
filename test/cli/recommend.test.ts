import { cohesion, ensureBuilt } from "../helpers/cli";

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

  it("--source all with Table D1 issues only keeps the JSON contract (no new keys, same action fields)", () => {
    const o = json(["--issue", "I15", "--source", "all"]);
    expect(Object.keys(o).sort()).toEqual(["actions", "avoid", "group", "issues", "source", "universal"]);
    for (const a of o.actions) expect(Object.keys(a).sort()).toEqual(["code", "count", "id", "issues", "title"]);
    expect(o.actions.find((a: { code: string }) => a.code === "A-SA7-05")).toEqual({ code: "A-SA7-05", id: "LGA-A-SA7-05", title: expect.any(String), issues: ["I15"], count: 1 });
  });

  it("--source all takes LGA issues directly: lgaIssues, and their items name them in issues", () => {
    const o = json(["--issue", "ISS-05", "--source", "all"]);
    expect(Object.keys(o).sort()).toEqual(["actions", "avoid", "group", "issues", "lgaIssues", "source", "universal"]);
    expect(o.issues).toEqual([]);
    expect(o.lgaIssues).toEqual([{ id: "ISS-05", title: "High economic inactivity; employment gaps between groups" }]);
    expect(o.actions.map((a: { code: string }) => a.code)).toEqual(["CL-SA3-KEY-ROLES", "CL-SA3-KEY-CHALLENGE", "A-SA3-01", "A-SA3-02", "A-SA3-03", "A-SA3-04", "A-SA3-05", "A-SA3-06", "A-SA3-07"]);
    for (const a of o.actions) expect(a).toEqual({ code: a.code, id: `LGA-${a.code}`, title: expect.any(String), issues: ["ISS-05"], count: 1 });
    expect(o.universal).toHaveLength(5);
    expect(o.avoid).toHaveLength(11);
  });

  it("--source all mixes Table D1 and LGA issues; count is the number of issues named", () => {
    const o = json(["--issue", "I15", "--issue", "iss-5", "--source", "all"]);
    expect(o.issues.map((i: { code: string }) => i.code)).toEqual(["I15"]);
    expect(o.lgaIssues.map((i: { id: string }) => i.id)).toEqual(["ISS-05"]);
    const key = o.actions.find((a: { code: string }) => a.code === "CL-SA3-KEY-CHALLENGE");
    expect(key).toMatchObject({ issues: ["I15", "ISS-05"], count: 2 });
    for (const a of o.actions) expect(a.issues).toHaveLength(a.count);
  });

  it("the readable plan lists a chosen LGA issue and labels its items and case studies LGA 2019", () => {
    const r = cohesion(["recommend", "--issue", "I15", "--issue", "ISS-05", "--source", "all"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}ISS-05 {2}High economic inactivity; employment gaps between groups \[LGA 2019\]$/m);
    expect(r.stdout).toMatch(/CL-SA3-KEY-CHALLENGE .*\(2 issues: I15, ISS-05\) \[LGA 2019\]/s);
    expect(r.stdout).toMatch(/A-SA7-05 .*\(1 issue: I15\) \[LGA 2019; link inferred\]/s);
    expect(r.stdout).toMatch(/LGA 2019 case studies:\n/);
    expect(r.stdout).toMatch(/CS35 .*\(ISS-05\)\n/);
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
    [["--issue", "ISS-05"], /^cohesion: "ISS-05" is an LGA 2019 issue: it needs --source all \(the default, --source cdf2009, has only Table D1's issues I01–I23\)\n$/],
    [["--issue", "I01", "--issue", "ISS-05", "--issue", "iss-13"], /"ISS-05", "iss-13" are LGA 2019 issues: they need --source all/],
    [["--issue", "ISS-05", "--source", "cdf2009", "--json"], /"ISS-05" is an LGA 2019 issue: it needs --source all/],
    [["--issue", "ISS-31", "--source", "all"], /Unknown issue "ISS-31": .*ISS-01–ISS-30/],
  ])("%j → exit 2 with one line", (args, message) => {
    const r = cohesion(["recommend", ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^cohesion: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});
