#!/usr/bin/env python3
"""Transaction log -> one row per client with pandas: the reference that
`segwork features` (DuckDB) is timed against in bench/run.mjs.

    /usr/bin/python3 bench/features_pandas.py --transactions tx.csv --id CustomerID \
        --date InvoiceDate --amount "Quantity*UnitPrice" --invoice InvoiceNo \
        --as-of 2011-12-10 [--keep Country] --out clients.csv

The same rules as segwork's defaults, written as idiomatic pandas
(read_csv + boolean masks + one groupby): lines without a client id are
dropped; exact duplicate lines are dropped; ids like "17850.0" read as
"17850"; unparseable amounts and (for A*B) prices <= 0 are dropped; lines
after the as-of day are ignored; cancellations (invoice starting with "C"
or a negative amount) net against spend but are not purchases; frequency
counts distinct invoices (lines without --invoice); recency and tenure are
calendar days to the as-of date; return_rate = returned / purchased.
Dates are parsed as ISO 8601 (what the benchmark logs hold). Prints the
wall time of each phase to stderr.
"""
import argparse
import sys
import time

import numpy as np
import pandas as pd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transactions", required=True)
    parser.add_argument("--id", required=True)
    parser.add_argument("--date", required=True)
    parser.add_argument("--amount", required=True)
    parser.add_argument("--invoice")
    parser.add_argument("--as-of")
    parser.add_argument("--keep", action="append", default=[])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    started = time.perf_counter()
    factors = [part.strip() for part in args.amount.split("*")]
    text_columns = [args.id, args.date] + ([args.invoice] if args.invoice else []) + args.keep
    # Text columns as str (ids keep leading zeros); the rest as pandas infers them.
    frame = pd.read_csv(args.transactions, dtype={c: str for c in text_columns}, keep_default_na=False, na_values=[""])
    read = time.perf_counter()

    frame = frame[frame[args.id].notna() & (frame[args.id].str.strip() != "")]
    frame = frame.drop_duplicates()
    client = frame[args.id].str.strip().str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    quantity = pd.to_numeric(frame[factors[0]], errors="coerce")
    price = pd.to_numeric(frame[factors[1]], errors="coerce") if len(factors) == 2 else pd.Series(1.0, index=frame.index)
    amount = quantity * price
    keep = np.isfinite(amount) & (price > 0 if len(factors) == 2 else True)
    ts = pd.to_datetime(frame[args.date])  # ISO 8601 strings take pandas' fast path
    as_of = pd.Timestamp(args.as_of) if args.as_of else ts[keep].max().normalize() + pd.Timedelta(days=1)
    keep &= ts < as_of + pd.Timedelta(days=1)
    invoice = frame[args.invoice].str.strip() if args.invoice else pd.Series(np.arange(len(frame)), index=frame.index).astype(str)
    cancelled = (invoice.str.startswith("C") if args.invoice else False) | (amount < 0)

    lines = pd.DataFrame({"client_id": client, "invoice": invoice, "amount": amount, "ts": ts, "cancelled": cancelled})
    for column in args.keep:
        lines[column] = frame[column]
    lines = lines[keep]
    purchase = ~lines["cancelled"]
    lines["purchased"] = lines["amount"].where(purchase, 0.0)
    lines["returned"] = (-lines["amount"]).where(lines["cancelled"], 0.0)
    lines["purchase_ts"] = lines["ts"].where(purchase)
    lines["purchase_invoice"] = lines["invoice"].where(purchase)

    grouped = lines.groupby("client_id", sort=True)
    table = grouped.agg(
        monetary=("amount", "sum"),
        purchased=("purchased", "sum"),
        returned=("returned", "sum"),
        frequency=("purchase_invoice", "nunique"),
        first=("purchase_ts", "min"),
        last=("purchase_ts", "max"),
    )
    for column in args.keep:
        latest = lines.sort_values("ts").groupby("client_id")[column].last()
        table[column.lower()] = latest
    table = table[table["frequency"] > 0]
    day = as_of.normalize()
    out = pd.DataFrame(index=table.index)
    for column in args.keep:
        out[column.lower()] = table[column.lower()]
    out["recency_days"] = (day - table["last"].dt.normalize()).dt.days
    out["frequency"] = table["frequency"]
    out["monetary"] = table["monetary"].round(2)
    out["tenure_days"] = (day - table["first"].dt.normalize()).dt.days
    out["avg_order_value"] = (table["monetary"] / table["frequency"]).round(2)
    out["return_rate"] = np.where(table["returned"] == 0, 0.0, table["returned"] / table["purchased"].replace(0, np.nan)).round(4)
    out["first_purchase"] = table["first"].dt.strftime("%Y-%m-%d")
    out["last_purchase"] = table["last"].dt.strftime("%Y-%m-%d")
    aggregated = time.perf_counter()

    out.to_csv(args.out, index_label="client_id")
    done = time.perf_counter()
    print(
        f"features_pandas: {len(out)} clients; read {read - started:.2f} s, "
        f"clean+groupby {aggregated - read:.2f} s, write {done - aggregated:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
