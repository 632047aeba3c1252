// The registry this project installs from does not serve every platform build
// of native packages (e.g. @swc/core-darwin-arm64), so `npm install` leaves
// those optional dependencies out of package-lock.json and `npm ci` then calls
// the lock file out of sync. This adds each missing optional dependency as an
// optional entry with its platform, which npm skips on every other machine.
// Run it after any `npm install` that changes the lock file.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;

const OS = {
  darwin: 'darwin',
  linux: 'linux',
  win32: 'win32',
  freebsd: 'freebsd',
  android: 'android',
  openharmony: 'openharmony',
  sunos: 'sunos',
  aix: 'aix',
  netbsd: 'netbsd',
  openbsd: 'openbsd',
  wasm32: null,
  windows: 'win32',
};
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.map((p) => OS[p]).find((v) => v !== undefined);
  const cpu = parts.find((p) => CPU.includes(p) || p === 'gnueabihf' || p === 'musleabihf');
  const entry = {};
  if (os) entry.os = [os];
  if (cpu === 'gnueabihf' || cpu === 'musleabihf') entry.cpu = ['arm'];
  else if (cpu) entry.cpu = [cpu === 'wasm32' ? 'wasm32' : cpu];
  if (name.includes('-musl')) entry.libc = ['musl'];
  else if (name.includes('-gnu')) entry.libc = ['glibc'];
  return entry;
}

// Where node would find `dep` from the package at `path`: the nearest node_modules up the tree.
function resolves(path, dep) {
  let base = path;
  for (;;) {
    if (packages[`${base ? base + '/' : ''}node_modules/${dep}`]) return true;
    if (!base) return false;
    const i = base.lastIndexOf('/node_modules/');
    base = i === -1 ? '' : base.slice(0, i);
  }
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolves(path, dep)) continue;
    const version = range.replace(/^[\^~=]/, '');
    packages[`node_modules/${dep}`] = { version, dev: pkg.dev, optional: true, ...platformOf(dep) };
    if (!pkg.dev) delete packages[`node_modules/${dep}`].dev;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} optional platform entries`);
