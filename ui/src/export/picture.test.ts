import { describe, expect, it } from "vitest";
import type { Journey } from "../generated/types";
import { journeyOf, touchpointOf } from "../shared/fixtures";
import { clip, escapeXml, mapSvg, PAGE_WIDTH, stageSvg, type Picture } from "./picture";

const journey: Journey = {
  id: 1,
  name: "Tiny",
  description: "",
  stages: [
    { id: 1, name: "Aware" },
    { id: 2, name: "Buy" },
  ],
  touchpoints: [
    {
      id: 10,
      stage: 1,
      name: "<img src=x onerror=alert(1)>",
      channel: "web",
      kind: "digital",
      x: 0,
      y: 0,
      entry: true,
      goal: false,
      aliases: [],
    },
    {
      id: 11,
      stage: 2,
      name: "Negozio 🛍️ متجر",
      channel: "store",
      kind: "physical",
      x: 0,
      y: 0,
      entry: false,
      goal: true,
      aliases: [],
    },
  ],
  transitions: [{ id: 5, from: 10, to: 11 }],
} as unknown as Journey;

const picture: Picture = { journey, title: "Tiny & co", lines: ["Design", "31 Oct 2026"] };

/**
 * The HTML export's check of a drawing (src/export/html.rs), inside its tags only: " on",
 * letters, then "=", or "javascript:".
 */
function hasHandler(svg: string): boolean {
  return [...svg.toLowerCase().matchAll(/<[^>]*>/g)].some(
    ([tag]) => /\son[a-z]+\s*=/.test(tag) || tag.includes("javascript:"),
  );
}

/** The `<g data-touchpoint>` groups of a drawing: each id and what the group holds. */
function groups(svg: string): { id: string; body: string }[] {
  return [...svg.matchAll(/<g data-touchpoint="(\d+)">\n([\s\S]*?)\n<\/g>/g)].map((m) => ({
    id: m[1]!,
    body: m[2]!,
  }));
}

describe("the exported map", () => {
  it("is text only: names that look like markup are escaped", () => {
    const svg = mapSvg(picture);
    expect(svg).not.toContain("<img");
    // The name is text: its "=" is in no tag, so it cannot pass for an event handler.
    expect(svg).toContain("&lt;img src=x onerror=…");
    expect(hasHandler(svg)).toBe(false);
    expect(svg).toContain("Tiny &amp; co");
    expect(svg).toContain("Negozio 🛍️ متجر");
  });

  it("leaves the title and lines to the page around it when bare, and is shorter by them", () => {
    const full = mapSvg(picture);
    const bare = mapSvg({ ...picture, bare: true });
    const height = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);
    for (const line of picture.lines) {
      expect(full).toContain(line);
      expect(bare).not.toContain(line);
    }
    expect(height(bare)).toBe(height(full) - (64 + picture.lines.length * 20 + 16));
    expect(bare).toContain("1  Aware");
  });

  it("crops to the focused touchpoint's band in its stage and the neighbours, outlining its card", () => {
    const stages = [1, 2, 3, 4, 5].map((id) => ({ id, name: `Stage ${id}` }));
    const wide = journeyOf({
      stages,
      touchpoints: stages.flatMap((s) => [
        touchpointOf(s.id * 10, s.id, { name: `Shop ${s.id}`, kind: "physical" }),
        touchpointOf(s.id * 10 + 1, s.id, { name: `Web ${s.id}`, kind: "digital" }),
      ]),
    });
    const viewBox = (svg: string) =>
      /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    const labelAt = (svg: string, lane: number) =>
      new RegExp(`x="([\\d.]+)" y="([\\d.]+)"[^>]*>${lane}  Stage`).exec(svg)!.slice(1).map(Number);
    const whole = mapSvg({ journey: wide, title: "", lines: [], bare: true });
    const [, , w0, h0] = viewBox(whole);
    for (const [focus, firstLane] of [
      [10, 1],
      [31, 2],
      [51, 3],
    ] as const) {
      const svg = mapSvg({ journey: wide, title: "", lines: [], bare: true, focus });
      const [x, y, w, h] = viewBox(svg);
      expect(w).toBeLessThan(w0! * 0.7);
      expect(h).toBeLessThan(h0! * 0.75);
      expect(svg).toContain(`width="${w}" height="${h}"`);
      // The first stage shown is named inside the view, above the band.
      const [lx, ly] = labelAt(svg, firstLane);
      expect(lx).toBeGreaterThan(x!);
      expect(lx).toBeLessThan(x! + 60);
      expect(ly).toBeGreaterThan(y!);
      expect(ly).toBeLessThan(y! + 40);
      // The focused card is inside the view, and the only one outlined.
      const card = new RegExp(
        `data-touchpoint="${focus}">\\s*<rect x="([\\d.]+)" y="([\\d.]+)"[^>]*stroke="#2563eb" stroke-width="5"`,
      ).exec(svg);
      expect(card).not.toBeNull();
      const [cx, cy] = card!.slice(1).map(Number);
      expect(cx! >= x! && cx! + 190 <= x! + w!).toBe(true);
      expect(cy! >= y! && cy! + 72 <= y! + h!).toBe(true);
      expect(svg.match(/stroke="#2563eb"/g)).toHaveLength(1);
    }
  });

  it("draws every lane, every touchpoint and the designed transitions", () => {
    const svg = mapSvg(picture);
    expect(svg).toContain("1  Aware");
    expect(svg).toContain("2  Buy");
    expect(svg.match(/marker-end=/g)).toHaveLength(1);
    expect(svg).toContain("ENTRY");
    expect(svg).toContain("GOAL");
  });

  it("carries the Analyze overlay: fills, headlines, dashed edges and the legend", () => {
    const svg = mapSvg({
      ...picture,
      looks: new Map([
        [10, { fill: "#b91c1c", headline: "42.6%" }],
        [11, { fill: "#fef3c7", headline: "8.8%" }],
      ]),
      edges: [
        { from: 10, to: 11, width: 6, dashed: false, faded: false },
        { from: 11, to: 10, width: 2, dashed: true, faded: false },
      ],
      legend: {
        label: "Drop-off rate",
        min: "0.0%",
        max: "51.9%",
        colours: ["#fef3c7", "#b91c1c"],
      },
    });
    expect(svg).toContain('fill="#b91c1c"');
    expect(svg).toContain("42.6%");
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('stroke-width="6.0"');
    expect(svg).toContain("51.9%");
    // White text on the dark red card, dark text on the pale one.
    expect(svg).toMatch(/font-weight="bold" fill="#ffffff">42\.6%/);
    expect(svg).toMatch(/font-weight="bold" fill="#0f172a">8\.8%/);
  });

  it("groups each touchpoint's card under data-touchpoint, its outline the first rect", () => {
    const svg = mapSvg(picture);
    const found = groups(svg);
    expect(found.map((g) => g.id)).toEqual(["10", "11"]);
    expect(svg.match(/data-touchpoint=/g)).toHaveLength(2);
    expect(svg.match(/<g[ >]/g)).toHaveLength(svg.match(/<\/g>/g)!.length);
    for (const g of found) {
      const first = g.body.split("\n")[0]!;
      expect(first).toMatch(
        /^<rect [^>]*width="\d+" height="\d+" rx="10" [^>]*stroke-width="1.5"\/>$/,
      );
      expect(g.body).toContain("<text");
    }
    // The name, the channel and the badges are inside their touchpoint's group.
    expect(found[1]!.body).toContain("Negozio 🛍️ متجر");
    expect(found[1]!.body).toContain("GOAL");
    expect(found[0]!.body).toContain("ENTRY");
  });

  it("never looks like a script to the HTML export's check, whatever the names", () => {
    const named = (name: string): Picture => ({
      ...picture,
      title: name,
      lines: [`Segments: online = ${name}`],
      journey: {
        ...journey,
        touchpoints: journey.touchpoints.map((tp) => ({ ...tp, name })),
      },
    });
    for (const name of [
      "Sign on=now",
      "Pay online =later",
      "JavaScript:void(0)",
      "<script>alert(1)</script>",
      "<foreignObject>",
      '" onmouseover="alert(1)',
    ]) {
      const svg = mapSvg(named(name));
      expect(hasHandler(svg), name).toBe(false);
      expect(svg.toLowerCase()).not.toContain("<script");
      expect(svg.toLowerCase()).not.toContain("<foreignobject");
    }
  });

  it("prefixes its own ids when asked, for a page holding several maps", () => {
    const legend = { label: "Drop-off rate", min: "0%", max: "9%", colours: ["#fff", "#000"] };
    const plain = mapSvg({ ...picture, legend });
    expect(plain).toContain('<marker id="arrow"');
    expect(plain).toContain('marker-end="url(#arrow)"');
    expect(plain).toContain('fill="url(#scale)"');
    const second = mapSvg({ ...picture, legend }, "s1-");
    expect(second).toContain('<marker id="s1-arrow"');
    expect(second).toContain('marker-end="url(#s1-arrow)"');
    expect(second).toContain('<linearGradient id="s1-scale">');
    expect(second).toContain('fill="url(#s1-scale)"');
    expect(second).not.toMatch(/url\(#(arrow|scale)\)/);
  });

  it("clips long names on cards with an ellipsis, counting characters not bytes", () => {
    expect(clip("a".repeat(200), 22)).toBe(`${"a".repeat(21)}…`);
    expect(clip("🛍️🛍️", 22)).toBe("🛍️🛍️");
    expect(escapeXml(`"'`)).toBe("&quot;&apos;");
    expect(escapeXml("a=b <i>")).toBe("a=b &lt;i&gt;");
  });

  it("lays a stage page out with its figures and rows", () => {
    const svg = stageSvg({
      eyebrow: "Stage 2 of 6",
      title: "Consideration",
      figures: [{ key: "reached", label: "Reached", value: "5,325" }],
      columns: ["Touchpoint", "Customers"],
      rows: [["Product page", "3,536"]],
    });
    expect(svg).toContain("STAGE 2 OF 6");
    expect(svg).toContain("5,325");
    expect(svg).toContain("Product page");
  });

  it("fits five headline figures and six columns inside the page", () => {
    const figures = ["Reached", "Conversion", "Dropped", "Completed", "Most stalled"].map(
      (label, i) => ({
        key: String(i),
        label,
        value: String(i),
      }),
    );
    const columns = ["Touchpoint", "Customers", "Drop-off", "Stalled", "Completed here", "Next"];
    const svg = stageSvg({
      eyebrow: "Stage 6 of 6",
      title: "Loyalty",
      figures,
      columns,
      rows: [columns],
    });
    const boxes = [...svg.matchAll(/<rect x="([\d.]+)" y="140" width="([\d.]+)"/g)].map((m) => ({
      right: Number(m[1]) + Number(m[2]),
    }));
    expect(boxes).toHaveLength(5);
    for (const box of boxes) expect(box.right).toBeLessThanOrEqual(PAGE_WIDTH - 48 + 0.001);
    const cells = [...svg.matchAll(/<text x="([\d.]+)" y="300"/g)].map((m) => Number(m[1]));
    expect(cells).toHaveLength(6);
    expect(Math.max(...cells)).toBeLessThanOrEqual(PAGE_WIDTH - 48);
    expect(svg).toContain("Completed here");
  });
});
