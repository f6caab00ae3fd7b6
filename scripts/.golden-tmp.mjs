import { buildFeaturesSql } from "../dist/features/index.js";
const plan = {
  source: {
    kind: "csv",
    path: "tx.csv",
    delimiter: ",",
    headers: ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"],
    gzip: false,
  },
  id: "CustomerID",
  date: "InvoiceDate",
  amount: { kind: "product", quantity: "Quantity", price: "UnitPrice" },
  invoice: "InvoiceNo",
  keep: [{ column: "Country", name: "country" }],
  dateParsing: { kind: "auto", slashOrder: "month-first" },
  asOf: "2011-12-10",
  excludeReturns: false,
  keepDuplicates: false,
  decimal: ".",
};
process.stdout.write(buildFeaturesSql(plan) + "\n");
