// Validates a .glb/.gltf with the Khronos glTF-Validator (npm package `gltf-validator`).
//   node validate_gltf.mjs FILE [MODULE_DIR...]
// Looks for the package next to this script, then in each MODULE_DIR (e.g. build/npm/node_modules).
// Exit codes: 0 valid (no errors), 1 errors found or unreadable file, 77 validator not installed (skip).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [file, ...moduleDirs] = process.argv.slice(2);
if (!file) {
  console.error('usage: node validate_gltf.mjs FILE [MODULE_DIR...]');
  process.exit(1);
}

const require = createRequire(import.meta.url);
let validator;
try {
  const resolved = require.resolve('gltf-validator', { paths: [dirname(fileURLToPath(import.meta.url)), ...moduleDirs] });
  validator = require(resolved);
} catch {
  console.log('gltf-validator is not installed: skipping (install with: npm install --prefix build/npm gltf-validator@2.0.0-dev.3.10)');
  process.exit(77);
}

let bytes;
try {
  bytes = new Uint8Array(readFileSync(file));
} catch (e) {
  console.error(`cannot read ${file}: ${e.message}`);
  process.exit(1);
}

const report = await validator.validateBytes(bytes, { maxIssues: 200 });
const { numErrors, numWarnings, numInfos, numHints, messages } = report.issues;
for (const m of messages.filter((m) => m.severity <= 1).slice(0, 50))
  console.log(`${m.severity === 0 ? 'ERROR' : 'WARNING'} ${m.code} ${m.pointer ?? ''}: ${m.message}`);
console.log(`${file}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos, ${numHints} hints (validator ${report.validatorVersion})`);
process.exit(numErrors > 0 ? 1 : 0);
