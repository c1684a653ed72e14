#!/usr/bin/env node
// Reference truth table for ConditionReferenceTest: the GrowthBook JS SDK's evalCondition on every
// (condition, attributes) pair below. Run from this folder after .ci/setup:
//   node make_condition_cases.js > ../resources/org/ceteris/assignment/condition_cases.json
"use strict";
const { evalCondition } = require("@growthbook/growthbook");

const conditions = [
  { country: { $in: ["US", "CA"] } },
  { country: { $nin: ["US", "CA"] } },
  { country: "US" },
  { country: { $eq: "US" } },
  { country: { $ne: "US" } },
  { country: { $exists: true } },
  { country: { $exists: false } },
  { age: { $gt: 30 } },
  { age: { $gte: 30 } },
  { age: { $lt: 30 } },
  { age: { $lte: 30 } },
  { age: { $gt: 18, $lt: 65 } },
  { age: 30 },
  { age: { $eq: 30 } },
  { age: { $in: [30, 40] } },
  { premium: true },
  { premium: false },
  { premium: { $eq: true } },
  { premium: { $exists: false } },
  { plan: null },
  { plan: { $gt: "basic" } },
  { plan: { $lt: "premium" } },
  { plan: { $regex: "^pre" } },
  { plan: { $type: "string" } },
  { age: { $type: "number" } },
  { country: { $not: { $in: ["US"] } } },
  { $or: [{ country: "US" }, { age: { $gte: 50 } }] },
  { $or: [] },
  { $and: [{ country: { $exists: true } }, { premium: true }] },
  { $nor: [{ country: "US" }, { country: "CA" }] },
  { $not: { age: { $lt: 21 } } },
  { country: { $in: ["US"] }, age: { $gte: 21 }, $not: { plan: "free" } },
  { device: { $in: ["tv", "mobile"] }, $or: [{ premium: true }, { age: { $gt: 60 } }] },
  { score: { $gt: 0.5 } },
  { score: { $lte: "0.25" } },
  { age: { $gt: "4" } },
];

const attributeSets = [
  {},
  { country: "US", age: 30, premium: true, plan: "premium", device: "tv", score: 0.7 },
  { country: "CA", age: 17, premium: false, plan: "basic", device: "mobile", score: 0.25 },
  { country: "GB", age: 64, premium: true, plan: "free", device: "web", score: "0.9" },
  { country: "US", age: "30", plan: "pro" },
  { country: "", age: 0, premium: false, plan: "" },
  { country: "DE", age: 45.5, plan: null, device: "tv", score: "abc" },
  { country: "用户", age: 81, premium: true, device: "mobile" },
  { age: 21, premium: "yes", plan: "premiumplus", score: 0.5 },
  { country: "CA", age: 65, premium: true, plan: "basic", device: "tv" },
];

const cases = [];
for (const c of conditions) {
  for (const a of attributeSets) {
    cases.push({ condition: c, attributes: a, expected: evalCondition(a, c) });
  }
}
process.stdout.write(JSON.stringify({
  source: "GrowthBook JS SDK " + require("@growthbook/growthbook/package.json").version + " evalCondition(attributes, condition)",
  cases,
}, null, 1) + "\n");
