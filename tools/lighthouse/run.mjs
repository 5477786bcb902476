// Run Lighthouse on a list of URLs with one browser, for scripts/bench_site.py.
//
//     node tools/lighthouse/run.mjs JOBS.json
//
// JOBS.json: {"chromeFlags": ["--headless=new", ...],
//             "jobs": [{"url": "http://127.0.0.1:8000/", "output": "run-1.json",
//                       "localStorage": {"/.practice": "{\"quiz\": true}"}}, ...]}
//
// Each job is a full Lighthouse run with its default (mobile) settings; the
// report (JSON) goes to the job's output file and one line "done N SECONDS"
// to stdout. Lighthouse clears the browser cache and the origin's storage before
// each navigation, so one browser serves every job and saves its start-up and
// Lighthouse's configuration time per run. Its default storage types leave
// localStorage alone, and a page's choices live there (quiz mode, marks): the
// runs here clear it too (CLEAR), or one job's entries would reach every later
// job on that origin. Two things are left out, neither
// of which counts toward any score: the full-page screenshot and the bf-cache
// audit (it navigates away and back, seconds per run).
//
// Each job runs in a tab of its own, opened here as Lighthouse would open it.
// A job's "localStorage" entries (optional) are written by a script that runs
// in every new document of the tab before the page's own scripts, and only on
// the job's origin: Lighthouse clears the origin's storage before it loads the
// page, so this is how a page is measured as a returning reader opens it (quiz
// mode on, for instance) while its cache stays as cold as every other run's.
// Lighthouse injects its own scripts the same way.
//
// The browser is CHROME_PATH (chrome-launcher's own search when unset).

import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || undefined,
  chromeFlags: spec.chromeFlags,
});
const browser = await puppeteer.connect({browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null});

// Runs in the page, before its scripts: the job's entries, on the job's origin only.
function setStorage(origin, entries) {
  if (location.origin === origin) {
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }
}

// Lighthouse's default storage types, and localStorage.
const CLEAR = ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'local_storage'];

let failed = 0;
try {
  for (const [index, job] of spec.jobs.entries()) {
    const started = Date.now();
    const page = await browser.newPage();
    try {
      const entries = Object.entries(job.localStorage || {});
      if (entries.length) {
        await page.evaluateOnNewDocument(setStorage, new URL(job.url).origin, entries);
      }
      const result = await lighthouse(job.url, {
        output: 'json',
        clearStorageTypes: CLEAR,
        logLevel: 'error',
        disableFullPageScreenshot: true,
        skipAudits: ['bf-cache'],
      }, undefined, page);
      fs.writeFileSync(job.output, result.report);
      console.log(`done ${index} ${((Date.now() - started) / 1000).toFixed(1)}`);
    } catch (error) {
      failed += 1;
      console.log(`failed ${index} ${((Date.now() - started) / 1000).toFixed(1)} ${String(error).split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}
process.exitCode = failed ? 1 : 0;
