// The bundle budget: every JavaScript file of the built page (dist/, after `npm run build`), gzipped as a web server
// sends it (zlib's default level), must add up to at most BUDGET bytes. Prints each file and the total; exit 1 over
// budget or when nothing was built. .ci/run counts the result as one test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export const BUDGET = 200_000; // bytes, gzipped (200 kB)

const dist = join(import.meta.dirname, "..", "dist");

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith(".js")) yield path;
  }
}

let total = 0;
let count = 0;
try {
  for (const path of files(dist)) {
    const gz = gzipSync(readFileSync(path)).length;
    total += gz;
    count++;
    console.log(`  ${relative(dist, path)}: ${gz.toLocaleString("en-US")} bytes gzipped`);
  }
} catch (e) {
  console.log(`bundle budget: no build to measure (${e.message}); run npm run build first`);
  process.exit(1);
}
if (count === 0) {
  console.log("bundle budget: no JavaScript in dist/; run npm run build first");
  process.exit(1);
}
const verdict = total <= BUDGET ? "within" : "OVER";
console.log(`bundle budget: ${total.toLocaleString("en-US")} bytes gzipped in ${count} files, ${verdict} the budget of ${BUDGET.toLocaleString("en-US")}`);
process.exit(total <= BUDGET ? 0 : 1);
