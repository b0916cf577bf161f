import { describe, expect, it } from "vitest";
import type { Journey } from "../generated/types";
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

describe("the exported map", () => {
  it("is text only: names that look like markup are escaped", () => {
    const svg = mapSvg(picture);
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x onerror=…");
    expect(svg).toContain("Tiny &amp; co");
    expect(svg).toContain("Negozio 🛍️ متجر");
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

  it("clips long names on cards with an ellipsis, counting characters not bytes", () => {
    expect(clip("a".repeat(200), 22)).toBe(`${"a".repeat(21)}…`);
    expect(clip("🛍️🛍️", 22)).toBe("🛍️🛍️");
    expect(escapeXml(`"'`)).toBe("&quot;&apos;");
  });

  it("lays a stage page out with its figures and rows", () => {
    const svg = stageSvg({
      eyebrow: "Stage 2 of 6",
      title: "Consideration",
      figures: [{ label: "Reached", value: "5,325" }],
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
