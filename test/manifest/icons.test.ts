import * as fs from "fs";
import * as path from "path";
import { PNG } from "pngjs";

// Icons at every size Microsoft's add-in icon guidance lists (design/add-in-icons, "Sizes": 16, 20, 24, 32, 40,
// 48, 64, 80, 96 px; 16, 20 and 32 required). A ribbon <Icon> can name 16, 20, 24, 32, 40, 48, 64 and 80
// (the manifest schema's list for bt:Image size); 96 px ships for listings. IconUrl is 32 px, HighResolutionIconUrl 64.
const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const RIBBON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const GUIDANCE_SIZES = [...RIBBON_SIZES, 96];

function png(file: string) {
  return PNG.sync.read(fs.readFileSync(path.join(root, file)));
}

describe("add-in icons", () => {
  it.each(GUIDANCE_SIZES)("assets/icon-%i.png exists, is that size, 32-bit RGBA with a transparent corner", (size) => {
    const img = png(`assets/icon-${size}.png`);
    expect([img.width, img.height]).toEqual([size, size]);
    expect(img.data.length).toBe(size * size * 4);
    if (size >= 20) expect(img.data[3]).toBe(0); // padded sizes leave the corner transparent
    const centre = ((size >> 1) * size + (size >> 1)) * 4;
    expect(img.data[centre + 3]).toBe(255);
  });

  it("every ribbon <Icon> lists every size the manifest allows, each defined once in <Resources>", () => {
    const groups = [...manifest.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => m[1]);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const g of groups) {
      const sizes = [...g.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)].map((m) => [Number(m[1]), m[2]]);
      expect(sizes.map(([s]) => s)).toEqual(RIBBON_SIZES);
      for (const [size, resid] of sizes) {
        const defs = [...manifest.matchAll(new RegExp(`<bt:Image id="${String(resid).replace(/\./g, "\\.")}" DefaultValue="([^"]+)"/>`, "g"))];
        expect(defs).toHaveLength(1);
        expect(defs[0][1]).toMatch(new RegExp(`/assets/icon-${size}\\.png$`));
      }
    }
  });

  it("IconUrl is 32 px and HighResolutionIconUrl 64 px", () => {
    expect(manifest).toMatch(/<IconUrl DefaultValue="https:\/\/localhost:3000\/assets\/icon-32\.png"\/>/);
    expect(manifest).toMatch(/<HighResolutionIconUrl DefaultValue="https:\/\/localhost:3000\/assets\/icon-64\.png"\/>/);
  });

  it("scripts/make-icons.js draws what is committed (the icons are generated, not hand-edited)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { draw, SIZES } = require("../../scripts/make-icons.js");
    for (const size of Object.keys(SIZES).map(Number)) {
      expect(Buffer.compare(draw(size, SIZES[size]), fs.readFileSync(path.join(root, `assets/icon-${size}.png`)))).toBe(0);
    }
  });
});
