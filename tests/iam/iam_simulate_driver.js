// Batch driver for @cloud-copilot/iam-simulate: reads a rampart-iam-case/1 file, converts each
// authorization case to iam-simulate's `Simulation` shape, runs `runSimulation` (Strict mode,
// with its input validation) and writes one JSON line per case:
//   {"id": ..., "decision": "allow" | "deny" | "implicit_deny"}  or  {"id": ..., "error": ...}
// Usage: node iam_simulate_driver.js <node_modules dir> <cases.json> <out.jsonl>
'use strict';
const fs = require('fs');
const path = require('path');

const [modulesDir, casesPath, outPath] = process.argv.slice(2);
// Resolve the package from the install folder, as a module living beside node_modules would.
const sim = require('module').createRequire(path.join(path.resolve(modulesDir), '..', 'driver.js'))(
  '@cloud-copilot/iam-simulate');

const DECISION = { Allowed: 'allow', ExplicitlyDenied: 'deny', ImplicitlyDenied: 'implicit_deny' };

function named(list, prefix) {
  return (list || []).map((policy, i) => ({ name: `${prefix}${i}`, policy }));
}

function orgLevels(org, prefix) {
  if (!org) return [];
  return org.levels.map((level, i) => ({
    orgIdentifier: `${prefix}-level-${i}`,
    policies: named(level, `${prefix}${i}-`),
  }));
}

function toSimulation(c) {
  const p = c.policies || {};
  const rq = c.request;
  const anonymous = rq.principal === 'anonymous';
  const simulation = {
    request: {
      principal: anonymous ? sim.anonymousPrincipal : rq.principal,
      action: rq.action,
      resource: { resource: rq.resource, accountId: rq.resource_account },
      contextVariables: rq.context || {},
    },
    identityPolicies: named(p.identity, 'identity'),
    serviceControlPolicies: orgLevels(p.scps, 'scp'),
    resourceControlPolicies: orgLevels(p.rcps, 'rcp'),
  };
  if (p.resource) simulation.resourcePolicy = p.resource;
  if (p.permissions_boundary) {
    simulation.permissionBoundaryPolicies = named([p.permissions_boundary], 'boundary');
  }
  if (p.session_policy) simulation.sessionPolicy = p.session_policy;
  if (p.vpc_endpoint && p.vpc_endpoint.length) {
    simulation.vpcEndpointPolicies = named(p.vpc_endpoint, 'endpoint');
  }
  return simulation;
}

async function main() {
  const doc = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
  const lines = [];
  for (const c of doc.cases) {
    try {
      const r = await sim.runSimulation(toSimulation(c), { simulationMode: 'Strict' });
      if (r.resultType === 'error') {
        lines.push(JSON.stringify({ id: c.id, error: r.errors }));
      } else if (r.resultType === 'single' && r.result.ignoredContextKeys &&
                 r.result.ignoredContextKeys.length) {
        lines.push(JSON.stringify({ id: c.id, error: { ignoredContextKeys: r.result.ignoredContextKeys } }));
      } else {
        lines.push(JSON.stringify({ id: c.id, decision: DECISION[r.overallResult] || r.overallResult }));
      }
    } catch (e) {
      lines.push(JSON.stringify({ id: c.id, error: String(e && e.stack || e) }));
    }
  }
  fs.writeFileSync(outPath, lines.join('\n') + '\n');
}

main().catch((e) => { console.error(e); process.exit(2); });
