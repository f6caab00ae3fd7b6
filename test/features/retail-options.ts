/** The options of the demo's own `features` run on the shipped Online Retail log, shared by the tests. */
import path from "node:path";
import type { FeaturesOptions } from "../../src/features/index.js";
import { repoRoot } from "../helpers/cli.js";

export const RETAIL_LOG = path.join(repoRoot, "data/online-retail-transactions.csv.gz");

/** As the demo runs it: invoices, as of 2011-12-10, Country kept, lines without a client dropped. */
export const RETAIL_OPTIONS: FeaturesOptions = {
  transactions: RETAIL_LOG,
  id: "CustomerID",
  date: "InvoiceDate",
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
  asOf: "2011-12-10",
  keep: ["Country"],
  // The log has 135,080 lines without a client (24.9%) and 5,225 exact copies (0.96%).
  allowDropped: ["missing_client_id"],
};
