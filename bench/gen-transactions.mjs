#!/usr/bin/env node
/**
 * Writes a synthetic transaction log shaped like the UCI Online Retail log
 * (same columns, same dirt), for benchmarking `segwork features` at scale.
 *
 *   node bench/gen-transactions.mjs --lines 10000000 --seed 42 --out bench/out/data/transactions-10M.csv
 *
 * `--clients N` (default lines / 120) and `--invoice-lines N` (most lines
 * per invoice, default 40) change the shape, e.g. 1M clients with about
 * three invoices each in 10M lines for bench/clv.mjs. `--buyers lifecycle`
 * gives clients what buy-till-you-die models look for (the default,
 * `uniform`, picks a client uniformly for every invoice: one Poisson rate
 * for all and nobody leaving, which BG/NBD rightly refuses to fit): a
 * purchase rate ~ Gamma(0.6) per client, a first day uniform over the first
 * three quarters of the span, and for 60 % of them a last day uniform after
 * it, and a basket size (quantities × Gamma(3)/3). The defaults give the
 * same bytes as before these options existed.
 *
 * Columns: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country.
 * Shape (per line, roughly as in Online Retail): invoices of 1–40 lines in
 * date order from 2010-12-01 to 2011-12-09 (ISO "YYYY-MM-DD HH:MM:SS");
 * about 25 % of invoices without a client id; client ids written as floats
 * ("17850.0", as Spark wrote the shared copy); 2 % cancellations (invoice
 * "C…", negative quantity); 1 % exact duplicate lines; 0.02 % zero prices;
 * about one client per 120 lines, 90 % of them in the United Kingdom.
 * Seeded (the same seed gives the same bytes) through segwork's `Random`
 * (dist/shared/random.js: run `npm run build` first), and streamed to disk
 * in chunks so memory stays flat whatever --lines is.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
let Random;
try {
  ({ Random } = await import(path.join(here, "../dist/shared/random.js")));
} catch {
  console.error("gen-transactions: dist/shared/random.js is missing; run `npm run build` first.");
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    lines: 1_000_000,
    seed: 42,
    out: null,
    clients: null,
    invoiceLines: 40,
    buyers: "uniform",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    const value = argv[i + 1];
    if (key === "lines") options.lines = Number(value);
    else if (key === "seed") options.seed = Number(value);
    else if (key === "out") options.out = value;
    else if (key === "clients") options.clients = Number(value);
    else if (key === "invoice-lines") options.invoiceLines = Number(value);
    else if (key === "buyers") options.buyers = value;
    else {
      console.error(`gen-transactions: unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  const positive = (n) => Number.isInteger(n) && n >= 1;
  if (
    !options.out ||
    !positive(options.lines) ||
    !positive(options.invoiceLines) ||
    !["uniform", "lifecycle"].includes(options.buyers) ||
    (options.clients !== null && !positive(options.clients))
  ) {
    console.error(
      "usage: node bench/gen-transactions.mjs --lines N [--seed S] [--clients N] [--invoice-lines N] [--buyers uniform|lifecycle] --out FILE",
    );
    process.exit(2);
  }
  return options;
}

const COUNTRIES = [
  "Germany",
  "France",
  "EIRE",
  "Spain",
  "Netherlands",
  "Belgium",
  "Switzerland",
  "Portugal",
  "Australia",
  "Norway",
];
const COLOURS = ["RED", "BLUE", "PINK", "WHITE", "GREEN", "IVORY", "BLACK", "GOLD"];
const THINGS = [
  "HEART T-LIGHT HOLDER",
  "METAL LANTERN",
  "LUNCH BAG",
  "CAKE CASES",
  "BUNTING",
  "HOT WATER BOTTLE",
  "PHOTO FRAME",
  "TEA SET",
  "DOORMAT",
  "JUMBO BAG",
];

function catalogue(rng, size) {
  const products = [];
  for (let i = 0; i < size; i++) {
    const price = [
      0.29, 0.42, 0.55, 0.65, 0.85, 1.25, 1.65, 2.1, 2.55, 2.95, 3.75, 4.95, 7.95, 12.75,
    ][rng.int(14)];
    const description = `${COLOURS[rng.int(COLOURS.length)]} ${THINGS[rng.int(THINGS.length)]}${i % 7 === 0 ? ", SET OF 3" : ""}`;
    products.push({ code: String(20000 + i) + (i % 5 === 0 ? "A" : ""), description, price });
  }
  return products;
}

/**
 * A client picker for `--buyers lifecycle`: by purchase rate (Gamma(0.6)
 * weights, binary search on their running sum), redrawn while the client is
 * outside its active span (up to 50 times). Each client also gets a basket
 * size (quantities × Gamma(3)/3), so spend differs between clients.
 */
async function lifecycle(rng, clients) {
  const count = clients.length;
  const { gammaVariate } = await import(path.join(here, "../dist/clv/simulate.js"));
  const cumulative = new Float64Array(count);
  const first = new Float64Array(count);
  const last = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += gammaVariate(rng, 0.6);
    cumulative[i] = total;
    first[i] = 0.75 * rng.next();
    last[i] = rng.next() < 0.6 ? first[i] + (1 - first[i]) * rng.next() : 1;
    clients[i].basket = gammaVariate(rng, 3) / 3;
  }
  return (at) => {
    let i = 0;
    for (let tries = 0; tries < 50; tries++) {
      const target = rng.next() * total;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
      if (at >= first[i] && at <= last[i]) break;
    }
    return i;
  };
}

const csvField = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const two = (n) => String(n).padStart(2, "0");

async function main() {
  const {
    lines,
    seed,
    out,
    clients: clientOption,
    invoiceLines,
    buyers,
  } = parseArgs(process.argv.slice(2));
  const rng = new Random(seed);
  const products = catalogue(rng, 4000);
  const clientCount = clientOption ?? Math.max(100, Math.round(lines / 120));
  const clients = Array.from({ length: clientCount }, (_, i) => ({
    id: `${12346 + i}.0`,
    country: rng.next() < 0.9 ? "United Kingdom" : COUNTRIES[rng.int(COUNTRIES.length)],
  }));

  const pickClient = buyers === "lifecycle" ? await lifecycle(rng, clients) : null;

  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const stream = createWriteStream(out);
  const write = (chunk) =>
    stream.write(chunk)
      ? Promise.resolve()
      : new Promise((resolve) => stream.once("drain", resolve));

  const start = Date.UTC(2010, 11, 1, 8, 0, 0);
  const span = Date.UTC(2011, 11, 9, 18, 0, 0) - start;
  let chunk = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
  let written = 0;
  let invoice = 536365;
  let previous = "";
  while (written < lines) {
    // Invoices advance through the year in order, as in the real log.
    const at = new Date(start + Math.floor((written / lines) * span));
    const stamp = `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:00`;
    const cancelled = rng.next() < 0.02;
    const number = cancelled ? `C${invoice}` : String(invoice);
    invoice += 1;
    const client =
      rng.next() < 0.25
        ? null
        : pickClient
          ? clients[pickClient(written / lines)]
          : clients[rng.int(clientCount)];
    const size = Math.min(lines - written, cancelled ? 1 + rng.int(3) : 1 + rng.int(invoiceLines));
    for (let j = 0; j < size && written < lines; j++) {
      let line;
      if (previous !== "" && rng.next() < 0.01) {
        line = previous; // an exact duplicate, as double exports leave them
      } else {
        const product = products[rng.int(products.length)];
        const basket = client?.basket ?? 1;
        const quantity = Math.max(1, Math.round((1 + rng.int(24)) * basket)) * (cancelled ? -1 : 1);
        const price = rng.next() < 0.0002 ? 0 : product.price;
        line = [
          number,
          product.code,
          csvField(product.description),
          quantity,
          stamp,
          price,
          client ? client.id : "",
          client ? client.country : "United Kingdom",
        ].join(",");
      }
      chunk += line + "\n";
      previous = line;
      written += 1;
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise((resolve, reject) =>
    stream.end((error) => (error ? reject(error) : resolve())),
  );
  console.error(`gen-transactions: wrote ${written} lines (${clientCount} clients) to ${out}`);
}

await main();
