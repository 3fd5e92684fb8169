#!/usr/bin/env python3
"""Builds the offline replay dataset for the Comtrade feed (run from data/comtrade: python3 tools/make_recorded.py).

real.json   : the real UN Comtrade records in real/raw (USA and China, 2020-2024), as the API's JSON records
              (same field names and values; 4-digit headings dropped because the feed asks for 6-digit codes).
real-extra.json   : the other real 6-digit totals of the whole files in real/cmm-data (both flows, both directions
              USA<->China, Australia's lithium and the DR Congo's cobalt trade with China), same conversion;
              transport-mode breakdowns left out because the feed asks for totals (motCode=0).
real-monthly.json : China's real monthly exports by partner (real/china-exports-monthly), one API record per table
              row: values copied, periods and codes derived, fields the table cannot tell null or "" (rules below).
sample.json : MADE-UP records so that offline dashboards have partner breakdowns where no real ones are public:
              USA imports from partners other than China, and every India (699) row. Deterministic; every value
              here is sample data and the feed stores it with isSample = true.
"""
import csv, glob, json, os, random

FIELDS_INT = {"refPeriodId", "refYear", "refMonth", "reporterCode", "partnerCode", "partner2Code", "aggrLevel",
              "motCode", "qtyUnitCode", "altQtyUnitCode", "legacyEstimationFlag"}
FIELDS_FLOAT = {"qty", "altQty", "netWgt", "grossWgt", "cifvalue", "fobvalue", "primaryValue"}
FIELDS_BOOL = {"isOriginalClassification", "isLeaf", "isQtyEstimated", "isAltQtyEstimated", "isNetWgtEstimated",
               "isGrossWgtEstimated", "isReported", "isAggregate"}
EXTRA = {"commodity_name", "hs_code", "query_year"}  # columns the source project added; not API fields


def convert(row):
    out = {}
    for k, v in row.items():
        if k in EXTRA:
            continue
        if v == "":
            out[k] = None if k in FIELDS_INT | FIELDS_FLOAT | FIELDS_BOOL else ""
        elif k in FIELDS_INT:
            out[k] = int(float(v))
        elif k in FIELDS_FLOAT:
            f = float(v)
            out[k] = int(f) if f.is_integer() and k == "primaryValue" and random.random() < 0.5 else f
        elif k in FIELDS_BOOL:
            out[k] = v == "True"
        else:
            out[k] = v
    return out


random.seed(20261126)
real = []
for path in sorted(glob.glob("real/raw/*.csv")):
    for row in csv.DictReader(open(path, newline="")):
        if len(row["cmdCode"]) == 6:
            real.append(convert(row))

# Made-up partner rows. USA: the part of the real World total that China does not cover is split over other
# partners. India: everything is made up, with a World row equal to the partner sum.
world = {(r["reporterCode"], r["flowCode"], r["cmdCode"], r["refYear"]): r for r in real if r["partnerCode"] == 0}
china = {(r["reporterCode"], r["flowCode"], r["cmdCode"], r["refYear"]): r for r in real if r["partnerCode"] == 156}
partners = {
    "283691": [(152, "CHL", "Chile", 0.55), (32, "ARG", "Argentina", 0.35), (276, "DEU", "Germany", 0.10)],
    "282520": [(152, "CHL", "Chile", 0.40), (410, "KOR", "Rep. of Korea", 0.35), (392, "JPN", "Japan", 0.25)],
    "282200": [(56, "BEL", "Belgium", 0.4), (246, "FIN", "Finland", 0.35), (124, "CAN", "Canada", 0.25)],
    "250410": [(124, "CAN", "Canada", 0.35), (484, "MEX", "Mexico", 0.25), (508, "MOZ", "Mozambique", 0.2), (490, "", "Other Asia, nes", 0.2)],
    "380110": [(392, "JPN", "Japan", 0.45), (410, "KOR", "Rep. of Korea", 0.35), (276, "DEU", "Germany", 0.20)],
    "280530": [(392, "JPN", "Japan", 0.5), (458, "MYS", "Malaysia", 0.3), (251, "FRA", "France", 0.2)],
    "811292": [(392, "JPN", "Japan", 0.4), (276, "DEU", "Germany", 0.35), (643, "RUS", "Russian Federation", 0.25)],
}
india_mix = {
    "283691": [(156, 0.45), (152, 0.30), (32, 0.15), (36, 0.10)],
    "282520": [(156, 0.60), (152, 0.25), (410, 0.15)],
    "282200": [(156, 0.55), (56, 0.25), (392, 0.20)],
    "250410": [(156, 0.70), (508, 0.15), (144, 0.15)],
    "380110": [(156, 0.65), (392, 0.20), (643, 0.15)],
    "280530": [(156, 0.80), (392, 0.10), (458, 0.10)],
    "811292": [(156, 0.75), (392, 0.15), (842, 0.10)],
}
names = {156: ("CHN", "China"), 152: ("CHL", "Chile"), 32: ("ARG", "Argentina"), 36: ("AUS", "Australia"),
         410: ("KOR", "Rep. of Korea"), 56: ("BEL", "Belgium"), 392: ("JPN", "Japan"), 508: ("MOZ", "Mozambique"),
         144: ("LKA", "Sri Lanka"), 643: ("RUS", "Russian Federation"), 458: ("MYS", "Malaysia"), 842: ("USA", "USA")}
india_totals = {"283691": 3.0e8, "282520": 1.2e8, "282200": 4.0e7, "250410": 9.0e7, "380110": 2.5e8, "280530": 2.0e7, "811292": 1.5e7}


def record(template, reporter, partner, partner_iso, value, weight):
    r = dict(template)
    r.update({"reporterCode": reporter, "reporterISO": "", "reporterDesc": "", "partnerCode": partner,
              "partnerISO": partner_iso, "partnerDesc": "", "primaryValue": round(value, 1),
              "netWgt": round(weight, 3) if weight else 0.0, "isNetWgtEstimated": weight == 0,
              "qty": round(weight, 3) if weight else 0.0, "altQty": round(weight, 3) if weight else 0.0})
    if r["flowCode"] == "M":
        r["cifvalue"], r["fobvalue"] = round(value, 1), None
    else:
        r["cifvalue"], r["fobvalue"] = None, round(value, 1)
    return r


sample = []
for key, w in sorted(world.items()):
    reporter, flow, cmd, year = key
    if reporter != 842 or flow != "M" or cmd not in partners:
        continue
    rest = max(w["primaryValue"] - (china[key]["primaryValue"] if key in china else 0), 0)
    kg_per_usd = (w["netWgt"] or 0) / w["primaryValue"] if w["primaryValue"] else 0
    for code, iso, name, share in partners[cmd]:
        value = rest * share * random.uniform(0.93, 0.99)
        sample.append(record(w, 842, code, iso, value, value * kg_per_usd))
    # India: same code and year, all made up.
    total = india_totals[cmd] * random.uniform(0.8, 1.25) * (1 + 0.12 * (int(year) - 2020))
    rows = []
    for code, share in india_mix[cmd]:
        value = total * share * random.uniform(0.9, 1.1)
        rows.append(record(w, 699, code, names[code][0], value, value / random.uniform(8, 40)))
    world_row = record(w, 699, 0, "W00", sum(r["primaryValue"] for r in rows) * 1.03, 0)
    sample.extend(rows + [world_row])

for name, data in (("real.json", real), ("sample.json", sample)):
    with open(os.path.join("recorded", name), "w") as f:
        json.dump({"elapsedTime": "recorded", "count": len(data), "data": data, "error": ""}, f, indent=1)
    print(name, len(data))


# --- real-extra.json: cmm-data records not already in real.json --------------------------------------------------
def identity(r):
    return (r["reporterCode"], r["partnerCode"], r["flowCode"], r["cmdCode"], r["period"], r["classificationCode"])


random.seed(20261128)
seen = {identity(r) for r in real}
extra = []
files = sorted(glob.glob("real/cmm-data/*.csv"))
# heavy_ree and light_ree hold the same records; identity() drops the repeat.
for path in files:
    for row in csv.DictReader(open(path, newline="")):
        if len(row["cmdCode"]) != 6 or row["motCode"] not in ("0", "") or row["customsCode"] not in ("C00", "") \
                or row["partner2Code"] not in ("0", ""):
            continue
        r = convert(row)
        if identity(r) in seen:
            continue
        seen.add(identity(r))
        extra.append(r)
extra.sort(key=lambda r: (r["reporterCode"], r["cmdCode"], r["period"], r["flowCode"], r["partnerCode"]))

# --- real-monthly.json: China's monthly exports by partner ---------------------------------------------------------
# The table names partners in English; these are the Comtrade partner codes the source project queried them with
# (Taiwan = 490 "Other Asia, nes"; Italy 380; France 251; India 699; USA 842).
PARTNERS = {
    "Australia": 36, "Austria": 40, "Belgium": 56, "Brazil": 76, "Canada": 124, "Czech Republic": 203, "Egypt": 818,
    "France": 251, "Germany": 276, "Hong Kong": 344, "Hungary": 348, "India": 699, "Indonesia": 360, "Iran": 364,
    "Italy": 380, "Japan": 392, "Kazakhstan": 398, "Malaysia": 458, "Mexico": 484, "Mozambique": 508,
    "Netherlands": 528, "New Zealand": 554, "Philippines": 608, "Poland": 616, "Russia": 643, "Singapore": 702,
    "Slovakia": 703, "South Africa": 710, "South Korea": 410, "Spain": 724, "Sweden": 752, "Taiwan": 490,
    "Tanzania": 834, "Thailand": 764, "Turkey": 792, "UAE": 784, "USA": 842, "United Kingdom": 826, "Vietnam": 704,
}


def monthly(row):
    year, month = int(row["period_dt"][:4]), int(row["period_dt"][5:7])
    value, kg = float(row["val"]), float(row["qty"])
    weight = kg if kg > 0 else None  # 0 in the table: the source had no weight
    # China's 2017 monthly weights are estimates in its annual records, and fractional kilograms are conversions.
    estimated = weight is not None and (year == 2017 or kg != int(kg))
    return {
        "typeCode": "C", "freqCode": "M", "refPeriodId": year * 10000 + month * 100 + 1, "refYear": year,
        "refMonth": month, "period": f"{year}{month:02d}", "reporterCode": 156, "reporterISO": "", "reporterDesc": "",
        "flowCode": "X", "flowDesc": "", "partnerCode": PARTNERS[row["partner_name"]], "partnerISO": "",
        "partnerDesc": "", "partner2Code": 0, "partner2ISO": "", "partner2Desc": "",
        # China publishes HS 2017 (H5) to 2021 and HS 2022 (H6) from 2022.
        "classificationCode": "H5" if year <= 2021 else "H6", "classificationSearchCode": "HS",
        "isOriginalClassification": True, "cmdCode": row["hs6"], "cmdDesc": "", "aggrLevel": None, "isLeaf": None,
        "customsCode": "C00", "customsDesc": "", "mosCode": "0", "motCode": 0, "motDesc": "",
        "qtyUnitCode": 8 if weight is not None else -1, "qtyUnitAbbr": "", "qty": weight,
        "isQtyEstimated": estimated, "altQtyUnitCode": -1, "altQtyUnitAbbr": "", "altQty": None,
        "isAltQtyEstimated": False, "netWgt": weight, "isNetWgtEstimated": estimated, "grossWgt": None,
        "isGrossWgtEstimated": False, "cifvalue": None, "fobvalue": value, "primaryValue": value,
        "legacyEstimationFlag": 6 if estimated else 0, "isReported": True, "isAggregate": False,
    }


months = [monthly(r) for r in csv.DictReader(open("real/china-exports-monthly/deep_dive_hs6_monthly.excerpt.csv", newline=""))]
months.sort(key=lambda r: (r["cmdCode"], r["period"], r["partnerCode"]))

for name, data in (("real-extra.json", extra), ("real-monthly.json", months)):
    with open(os.path.join("recorded", name), "w") as f:
        json.dump({"elapsedTime": "recorded", "count": len(data), "data": data, "error": ""}, f, separators=(",", ":"))
    print(name, len(data))
