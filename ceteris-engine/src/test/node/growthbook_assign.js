#!/usr/bin/env node
// Reference assignments from the GrowthBook JS SDK, for GrowthBookCompatibilityTest.
// Usage: node growthbook_assign.js CONFIG.json UNITS.tsv
//   CONFIG.json: {"experiments": [GrowthBook Experiment objects: key, variations, weights, coverage,
//                 namespace, hashVersion, seed, condition]}
//   UNITS.tsv:   header "id<TAB>country<TAB>age", one unit per line; an empty cell = attribute absent.
// Prints one line per unit: for each experiment "variationId@bucket" when the SDK puts the unit in
// the experiment, "-1" when it does not, separated by commas. Nothing here re-implements hashing:
// every value comes from GrowthBook.run().
"use strict";
const fs = require("fs");
const { GrowthBook } = require("@growthbook/growthbook");

const [configPath, unitsPath] = process.argv.slice(2);
if (!configPath || !unitsPath) {
  console.error("usage: node growthbook_assign.js CONFIG.json UNITS.tsv");
  process.exit(2);
}
const experiments = JSON.parse(fs.readFileSync(configPath, "utf8")).experiments;
const lines = fs.readFileSync(unitsPath, "utf8").split("\n");
const header = lines[0].split("\t");
const out = [];
for (let i = 1; i < lines.length; i++) {
  if (lines[i] === "") continue;
  const cells = lines[i].split("\t");
  const attributes = {};
  for (let j = 0; j < header.length; j++) {
    if (cells[j] === undefined || cells[j] === "") continue;
    attributes[header[j]] = header[j] === "age" ? Number(cells[j]) : cells[j];
  }
  const gb = new GrowthBook({ attributes });
  const row = experiments.map((exp) => {
    const r = gb.run(exp);
    return r.inExperiment ? r.variationId + "@" + r.bucket : "-1";
  });
  out.push(row.join(","));
  gb.destroy();
}
process.stdout.write(out.join("\n") + "\n");
