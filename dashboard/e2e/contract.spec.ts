// The generated API types (src/generated/openapi.ts, --properties-required-by-default) promise that every property the
// OpenAPI document lists is in the answer (null allowed where nullable) — except a list's `continuation`. This checks
// that promise on live answers of every route the dashboard reads.
import { api, expect, test } from "./helpers";

type Schema = { $ref?: string; allOf?: Schema[]; anyOf?: Schema[]; type?: string; nullable?: boolean; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };

test("the API's answers carry every property the generated types promise", async () => {
  const doc = await api("openapi.json");
  const resolve = (s: Schema): Schema => {
    if (s.allOf) return { ...resolve(s.allOf[0]), nullable: s.nullable || resolve(s.allOf[0]).nullable };
    // A nullable reference: anyOf [the schema, {nullable, enum: [null]}] (a $ref cannot carry nullable in OpenAPI 3.0).
    if (s.anyOf) {
      const branches = s.anyOf.map(resolve);
      const isNull = (b: Schema) => b.enum?.length === 1 && b.enum[0] === null;
      const value = branches.find((b) => !isNull(b)) ?? {};
      return { ...value, nullable: s.nullable || branches.some((b) => b.nullable || isNull(b)) };
    }
    return s.$ref ? resolve(doc.components.schemas[s.$ref.split("/").pop()!]) : s;
  };
  const problems: string[] = [];
  const check = (schema: Schema, value: unknown, where: string) => {
    const s = resolve(schema);
    if (value === null) {
      if (!s.nullable) problems.push(`${where}: null, not nullable`);
      return;
    }
    if (s.type === "object" && s.properties) {
      for (const [key, sub] of Object.entries(s.properties)) {
        if (!(key in (value as object))) {
          if (key !== "continuation") problems.push(`${where}.${key}: missing`);
        } else check(sub, (value as Record<string, unknown>)[key], `${where}.${key}`);
      }
    } else if (s.type === "array") {
      if (!Array.isArray(value)) problems.push(`${where}: not an array`);
      else value.slice(0, 40).forEach((v, i) => check(s.items ?? {}, v, `${where}[${i}]`));
    } else if (s.type === "integer" || s.type === "number") {
      if (typeof value !== "number" || (s.type === "integer" && !Number.isInteger(value))) problems.push(`${where}: not ${s.type}`);
    } else if (s.type === "string") {
      if (typeof value !== "string") problems.push(`${where}: not a string`);
      else if (s.enum && !s.enum.includes(value)) problems.push(`${where}: '${value}' not in ${JSON.stringify(s.enum)}`);
    } else if (s.type === "boolean" && typeof value !== "boolean") problems.push(`${where}: not a boolean`);
  };
  const urls = [
    "trade/coverage", "minerals?limit=1000", "minerals?lists=IN2023,US2025", "countries?on=2024-07-01&limit=1000", "health",
    "trade/partners?reporter=IND&mineral=graphite&flow=M&year=2023&source=mirror", "trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023",
    "reserves?mineral=graphite&country=IND", "reserves?mineral=lithium&edition=MCS2023", "reserves/series?mineral=lithium&country=AUS&measure=mine-production&editions=all",
    "salient?mineral=graphite", "indicators?reporter=USA&year=2023&scenario=india-us-cmpa", "indicators?reporter=IND&year=2024",
    "sourcing?mineral=graphite&buyer=IND", "events", "events?mineral=graphite&activeOn=2024-06-01",
    "events/chn-2023-graphite-licensing/impact?reporter=CHN&partner=IND&mineral=graphite&months=6", "snapshots/latest",
  ];
  for (const url of urls) {
    const route = "/" + url.split("?")[0];
    const template = Object.keys(doc.paths).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(route));
    expect(template, route).toBeDefined();
    check(doc.paths[template!].get.responses["200"].content["application/json"].schema, await api(url), route);
  }
  expect(problems).toEqual([]);
});
