import { deriveClientFeatures, formatClientFeaturesCsv } from "../dist/features/index.js";
import { readFileSync } from "node:fs";
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const { clients, summary } = await deriveClientFeatures({
    transactions: "data/online-retail-transactions.csv.gz",
    id: "CustomerID",
    date: "InvoiceDate",
    amount: "Quantity*UnitPrice",
    invoice: "InvoiceNo",
    asOf: "2011-12-10",
    keep: ["Country"],
    allowDropped: true,
  });
  console.log(
    (performance.now() - t).toFixed(0),
    "ms",
    formatClientFeaturesCsv(clients) === readFileSync("data/online-retail-clients.csv", "utf8"),
    summary.duplicateLines,
    summary.nonPositivePrice,
  );
}
