// Debian's Chromium, as every browser test and benchmark here launches it (TOOLCHAIN.md): as root
// it needs --no-sandbox, and the background-networking flags keep it quiet on a closed network.
// Plain ESM so that the web-test-runner config (.mjs) and the TypeScript harnesses share it.
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
