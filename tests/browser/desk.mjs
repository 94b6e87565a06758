#!/usr/bin/env node
// Reads the clerk's desk page (boardpack serve) in Debian's chromium as the
// clerk would, while files of the pack are saved: after each save, how long
// the open page took to show it (without reloading), what the table of
// items and the problems say, and axe-core's WCAG 2.2 A and AA findings.
//
// Usage: node desk.mjs URL STEPS.json OUT.json
// STEPS.json: [{"name", "save": {"path", "text", "replace": true to remove
// the file (or link) first} or null, "shows": "words the
// page must come to hold"}, ...]. OUT.json: one result per step: {name,
// ms (from the save until the page showed `shows`; null if it never did
// within 5 s), reloaded, build, verdict, rows (each row's cells' text),
// problems (the problems section's text), axe (violations)}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function chromiumPath() {
    for (const c of [process.env.BOARDPACK_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium'])
        if (c && fs.existsSync(c)) return c;
    throw new Error('chromium is not installed (Debian package chromium; ./bootstrap installs it)');
}

async function main() {
    const [url, stepsFile, outFile] = process.argv.slice(2);
    const steps = JSON.parse(fs.readFileSync(stepsFile, 'utf8'));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'boardpack-chromium-'));
    const browser = await puppeteer.launch({
        executablePath: chromiumPath(),
        headless: true,
        userDataDir: profile,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
               '--disable-component-update', '--disable-sync'],
    });
    const results = [];
    try {
        const page = await browser.newPage();
        const failed = [];
        page.on('requestfailed', r => failed.push(r.url()));
        page.on('pageerror', e => failed.push('script error: ' + e.message));
        // The page forbids scripts not its own; axe-core is let in for the test.
        await page.setBypassCSP(true);
        await page.goto(url, { waitUntil: 'load' });
        // A mark a reload would wipe out.
        await page.evaluate(() => { window.deskMark = 'opened once'; });
        await page.addScriptTag({ content: axeSource });
        for (const step of steps) {
            let ms = null;
            const before = Date.now();
            if (step.save?.replace) fs.rmSync(step.save.path);
            if (step.save) fs.writeFileSync(step.save.path, step.save.text);
            try {
                await page.waitForFunction(words => document.querySelector('main').innerText.includes(words),
                                           { polling: 'mutation', timeout: 5000 }, step.shows);
                ms = Date.now() - before;
            } catch (e) {
                ms = null;
            }
            const seen = await page.evaluate(async tags => {
                const text = el => (el ? el.innerText.replace(/\s+/g, ' ').trim() : null);
                const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return {
                    reloaded: window.deskMark !== 'opened once',
                    build: document.querySelector('main').dataset.build,
                    verdict: text(document.querySelector('.verdict')),
                    rows: [...document.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(text)),
                    outputs: [...document.querySelectorAll('.outputs a')].map(a => a.getAttribute('href')),
                    problems: text(document.querySelector('#problems-heading').parentElement),
                    axe: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })),
                };
            }, WCAG_TAGS);
            results.push({ name: step.name, ms, ...seen, failed: [...failed] });
        }
    } finally {
        await browser.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
    fs.writeFileSync(outFile, JSON.stringify(results, null, 1));
}

main().catch(e => {
    console.error(e);
    process.exit(2);
});
