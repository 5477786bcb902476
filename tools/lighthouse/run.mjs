// Run Lighthouse on a list of URLs with one browser, for scripts/bench_site.py.
//
//     node tools/lighthouse/run.mjs JOBS.json
//
// JOBS.json: {"chromeFlags": ["--headless=new", ...],
//             "jobs": [{"url": "http://127.0.0.1:8000/", "output": "run-1.json"}, ...]}
//
// Each job is a full Lighthouse run with its default (mobile) settings; the
// report (JSON) goes to the job's output file and one line "done N SECONDS"
// to stdout. Lighthouse clears the origin's storage and the browser cache
// before each navigation, so one browser serves every job and saves its start-up
// and Lighthouse's configuration time per run. Two things are left out, neither
// of which counts toward any score: the full-page screenshot and the bf-cache
// audit (it navigates away and back, seconds per run).
//
// The browser is CHROME_PATH (chrome-launcher's own search when unset).

import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || undefined,
  chromeFlags: spec.chromeFlags,
});
let failed = 0;
try {
  for (const [index, job] of spec.jobs.entries()) {
    const started = Date.now();
    try {
      const result = await lighthouse(job.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        disableFullPageScreenshot: true,
        skipAudits: ['bf-cache'],
      });
      fs.writeFileSync(job.output, result.report);
      console.log(`done ${index} ${((Date.now() - started) / 1000).toFixed(1)}`);
    } catch (error) {
      failed += 1;
      console.log(`failed ${index} ${((Date.now() - started) / 1000).toFixed(1)} ${String(error).split('\n')[0]}`);
    }
  }
} finally {
  await chrome.kill();
}
process.exitCode = failed ? 1 : 0;
