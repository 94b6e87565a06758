#!/usr/bin/env node
// Reads a written HTML site in a real browser, as its readers would, and
// reports every way a page fails them:
//
//   axe       axe-core's WCAG 2.2 A and AA rules (wcag2a, wcag2aa, wcag21a,
//             wcag21aa, wcag22aa), with the page's own CSS applied
//   link      a link, stylesheet or picture that does not resolve: a page or
//             file of the site (or beside it, such as the pack PDF), an
//             element with that id, a PDF page that exists
//   keyboard  Tab does not visit the page's links and controls in reading
//             order (the order of the document, top to bottom), or the first
//             stop is not a skip link to the main content
//   reflow    at 320 and 1280 CSS px, text that runs off the side or a page
//             that scrolls sideways (a table may scroll inside its own box)
//   page      no lang, no title, not exactly one main landmark, a script, a
//             request that failed
//
// Usage: node check_site.mjs [--screenshots DIR] [--json FILE] SITE_DIR...
// One browser (Debian's chromium, headless, a fresh profile) reads every
// page of every site. Exit status 0 when nothing was found, 1 otherwise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [320, 1280];

function parseArgs(argv) {
    const args = { screenshots: null, json: null, sites: [] };
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === '--screenshots') args.screenshots = argv[++i];
        else if (argv[i] === '--json') args.json = argv[++i];
        else args.sites.push(path.resolve(argv[i]));
    }
    if (args.sites.length === 0) {
        console.error('usage: check_site.mjs [--screenshots DIR] [--json FILE] SITE_DIR...');
        process.exit(2);
    }
    return args;
}

function chromiumPath() {
    const candidates = [process.env.BOARDPACK_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
    for (const c of candidates) if (c && fs.existsSync(c)) return c;
    throw new Error('chromium is not installed (Debian package chromium; ./bootstrap installs it)');
}

// The folder every site and every file they link to lies in: the sites'
// parents (a site links to the pack PDF written beside it).
function commonRoot(dirs) {
    let root = path.dirname(dirs[0]);
    for (const d of dirs)
        while (!(path.dirname(d) + path.sep).startsWith(root === path.sep ? root : root + path.sep))
            root = path.dirname(root);
    return root;
}

const MIME = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
    '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml',
    '.pdf': 'application/pdf',
};

// A static server for `root` on a free port of 127.0.0.1: pages are read as
// they would be from a web server, not as file:// documents.
function serve(root) {
    const server = http.createServer((req, res) => {
        const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
        const file = path.join(root, rel);
        if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { 'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const pdfPageCounts = new Map();
function pdfPages(file) {
    if (!pdfPageCounts.has(file)) {
        let n = 0;
        try {
            const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
            n = Number((/^Pages:\s+(\d+)/m.exec(info) || [])[1] || 0);
        } catch { n = 0; }
        pdfPageCounts.set(file, n);
    }
    return pdfPageCounts.get(file);
}

// Runs in the page: what the checks need from its document.
function readDocument() {
    const all = [...document.querySelectorAll('*')];
    const indexOf = new Map(all.map((e, i) => [e, i]));
    const links = [];
    for (const e of document.querySelectorAll('a[href], link[href]'))
        links.push({ href: e.getAttribute('href'), text: (e.textContent || '').trim().slice(0, 60), tag: e.tagName });
    for (const e of document.querySelectorAll('img[src]'))
        links.push({ href: e.getAttribute('src'), text: e.getAttribute('alt') || '', tag: 'IMG' });
    const focusable = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
    const tabbable = [...document.querySelectorAll(focusable)].filter(e => {
        const ti = e.getAttribute('tabindex');
        if (ti !== null && Number(ti) < 0) return false;
        if (e.disabled) return false;
        const s = getComputedStyle(e);
        return s.visibility !== 'hidden' && e.getClientRects().length > 0;
    });
    const positive = [...document.querySelectorAll('[tabindex]')].filter(e => Number(e.getAttribute('tabindex')) > 0);
    const onAttributes = all.filter(e => [...e.attributes].some(a => a.name.startsWith('on')));
    return {
        lang: document.documentElement.getAttribute('lang') || '',
        title: document.title.trim(),
        ids: all.filter(e => e.id).map(e => e.id),
        mains: document.querySelectorAll('main, [role="main"]').length,
        scripts: document.querySelectorAll('script').length + onAttributes.length,
        links,
        tabbable: tabbable.map(e => indexOf.get(e)),
        describe: tabbable.map(e => `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 40)}"`),
        positiveTabindex: positive.length,
    };
}

// Runs in the page: where an element that takes focus is.
function focused(e) {
    const r = e.getBoundingClientRect();
    return {
        index: [...document.querySelectorAll('*')].indexOf(e),
        top: r.top + window.scrollY, left: r.left + window.scrollX, height: r.height,
        what: `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 40)}"`,
        href: e.getAttribute('href'),
    };
}

// Runs in the page: text or boxes that stick out of the viewport. A box
// that scrolls sideways on its own (overflow-x auto or scroll) and fits is
// allowed to hold wider content.
function overflow() {
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width + 1)
        found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px of ${width})`);
    const scrolls = el => {
        for (let e = el; e && e !== document.body; e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.overflowX === 'auto' || s.overflowX === 'scroll') return e;
        }
        return null;
    };
    // Wholly left of the page is the hidden-until-focused pattern (a skip
    // link), which no one can scroll to; partly past either edge is cut off.
    const off = r => r.width > 0 && (r.right > width + 1 || (r.left < -1 && r.right > 0));
    // Text first: a line that runs past the edge, though its box fits.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
        if (!t.textContent.trim()) continue;
        const box = scrolls(t.parentElement);
        if (box && !off(box.getBoundingClientRect())) continue;
        range.selectNodeContents(t);
        const r = [...range.getClientRects()].find(off);
        if (r)
            found.push(`text "${t.textContent.trim().slice(0, 40)}" runs to ${Math.round(r.right)} px`);
    }
    // Then pictures and boxes without text that stick out.
    for (const e of document.body.querySelectorAll('img, svg, video, canvas, iframe, table, pre')) {
        const box = scrolls(e.parentElement);
        if (box && !off(box.getBoundingClientRect())) continue;
        const r = e.getBoundingClientRect();
        if (off(r)) found.push(`<${e.tagName.toLowerCase()}> spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
    }
    return found;
}

const timing = process.env.BOARDPACK_BROWSER_TIMES ? {} : null;
function lap(what, since) {
    if (timing) timing[what] = (timing[what] || 0) + (Date.now() - since);
    return Date.now();
}

async function checkPage(browser, page, url, file, site, shots) {
    let clock = Date.now();
    const problems = [];
    const failed = [];
    const onResponse = r => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); };
    // A refused request is also aborted: reported once, with its status.
    const onFailed = r => { if (!r.response()) failed.push(`${r.failure()?.errorText} ${r.url()}`); };
    // 'load' can resolve before the events of the page's last requests are
    // delivered (a busy machine shows it): wait until every request started
    // has finished or failed, so a 404 is never missed.
    let pending = 0;
    const onRequest = () => { pending++; };
    const onDone = () => { pending--; };
    page.on('request', onRequest);
    page.on('requestfinished', onDone);
    page.on('requestfailed', onDone);
    page.on('response', onResponse);
    page.on('requestfailed', onFailed);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    for (const until = Date.now() + 10000; pending > 0 && Date.now() < until;)
        await new Promise(r => setTimeout(r, 20));
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
    for (const f of failed) problems.push({ kind: 'page', message: `request failed: ${f}` });

    clock = lap('load', clock);
    const doc = await page.evaluate(readDocument);
    if (!doc.lang) problems.push({ kind: 'page', message: '<html> has no lang' });
    if (!doc.title) problems.push({ kind: 'page', message: 'no <title>' });
    if (doc.mains !== 1) problems.push({ kind: 'page', message: `${doc.mains} main landmarks, not 1` });
    if (doc.scripts) problems.push({ kind: 'page', message: `${doc.scripts} scripts or event attributes` });
    if (doc.positiveTabindex) problems.push({ kind: 'keyboard', message: `${doc.positiveTabindex} elements with a positive tabindex` });

    // The keyboard: Tab from the top visits every stop once, in the
    // document's order, each below or right of the one before.
    // Each stop is recorded as focus arrives; one more Tab than there are
    // stops leaves the page, the next comes back to the first.
    await page.evaluate(`window.__stops = [];
        document.addEventListener('focusin', e => window.__stops.push((${focused.toString()})(e.target)));`);
    for (let n = 0; n < doc.tabbable.length + 2; ++n) await page.keyboard.press('Tab');
    const stops = await page.evaluate(() => window.__stops);
    const visited = [];
    for (const f of stops) {
        if (visited.length && f.index === visited[0].index) break;
        visited.push(f);
    }
    const order = visited.map(v => v.index);
    if (JSON.stringify(order) !== JSON.stringify(doc.tabbable)) {
        let at = 0;
        while (at < order.length && order[at] === doc.tabbable[at]) ++at;
        problems.push({
            kind: 'keyboard',
            message: `Tab stop ${at + 1} is ${visited[at]?.what ?? 'nothing'}, the document's is ${doc.describe[at] ?? 'nothing'}`,
        });
    }
    for (let k = 1; k < visited.length; ++k) {
        const a = visited[k - 1], b = visited[k];
        const sameLine = Math.abs(a.top - b.top) < Math.max(4, Math.min(a.height, b.height) / 2);
        if (b.top < a.top - 2 && !(sameLine && b.left >= a.left) && k > 1)
            problems.push({ kind: 'keyboard', message: `Tab goes up the page from ${a.what} to ${b.what}` });
    }
    if (doc.tabbable.length) {
        const first = visited[0];
        const target = first?.href?.startsWith('#') ? first.href.slice(1) : null;
        if (!target || !doc.ids.includes(target))
            problems.push({ kind: 'keyboard', message: `the first Tab stop is ${first?.what ?? 'nothing'}, not a skip link` });
    }

    clock = lap('keyboard', clock);
    // axe, with the page as styled.
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async tags => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}`),
            count: v.nodes.length,
        }));
    }, WCAG_TAGS);
    for (const v of axe)
        problems.push({ kind: 'axe', rule: v.id, message: `${v.id} (${v.impact}, ${v.count}x): ${v.help}; ${v.nodes.join('; ')}` });

    clock = lap('axe', clock);
    // Reflow at each width; a picture of each page to look at (whole, and
    // its top at a size a person can read), nothing focused.
    await page.evaluate(() => document.activeElement?.blur());
    for (const width of WIDTHS) {
        await page.setViewport({ width, height: 900 });
        for (const o of await page.evaluate(overflow)) problems.push({ kind: 'reflow', message: `at ${width} px: ${o}` });
        if (shots) {
            const name = `${path.basename(site)}-${path.basename(file, '.html')}-${width}.png`;
            await page.screenshot({ path: path.join(shots, name), fullPage: true });
            await page.screenshot({ path: path.join(shots, name.replace('.png', '-top.png')),
                                    clip: { x: 0, y: 0, width, height: Math.round(width * 1.4) } });
        }
    }
    lap('reflow', clock);
    return { doc, problems };
}

function checkLinks(results) {
    // Every relative link names a file that exists; a fragment names an
    // element of that page, or (of a PDF) a page it has.
    const idsOf = new Map(results.map(r => [r.file, new Set(r.doc.ids)]));
    for (const r of results) {
        for (const l of r.doc.links) {
            const href = l.href;
            if (/^(https?:|mailto:|tel:)/i.test(href)) continue;
            if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
                r.problems.push({ kind: 'link', message: `"${l.text}" links to ${href}, which a reader cannot follow` });
                continue;
            }
            const [rawPath, fragment] = href.split('#', 2);
            const target = rawPath ? path.resolve(path.dirname(r.file), decodeURIComponent(rawPath)) : r.file;
            if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
                r.problems.push({ kind: 'link', message: `"${l.text}" links to ${href}: no such file` });
                continue;
            }
            if (fragment === undefined || fragment === '') continue;
            if (target.endsWith('.pdf')) {
                const m = /^page=(\d+)$/.exec(fragment);
                const pages = pdfPages(target);
                if (!m || Number(m[1]) < 1 || Number(m[1]) > pages)
                    r.problems.push({ kind: 'link', message: `"${l.text}" links to ${href}: the PDF has ${pages} pages` });
                continue;
            }
            const ids = idsOf.get(target);
            if (!ids) r.problems.push({ kind: 'link', message: `"${l.text}" links to ${href}, a page outside the sites read` });
            else if (!ids.has(decodeURIComponent(fragment)))
                r.problems.push({ kind: 'link', message: `"${l.text}" links to ${href}: no element has that id` });
        }
    }
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    if (args.screenshots) fs.mkdirSync(args.screenshots, { recursive: true });
    const root = commonRoot(args.sites);
    const server = await serve(root);
    const base = `http://127.0.0.1:${server.address().port}`;
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
        // Pages are read two at a time, each tab on its own; results keep
        // the sites' and files' order.
        const jobs = [];
        for (const site of args.sites) {
            const files = fs.readdirSync(site).filter(f => f.endsWith('.html')).sort();
            if (files.length === 0) jobs.push({ site, file: site, empty: true });
            for (const f of files) jobs.push({ site, file: path.join(site, f) });
        }
        let next = 0;
        const worker = async () => {
            const page = await browser.newPage();
            for (let k = next++; k < jobs.length; k = next++) {
                const { site, file, empty } = jobs[k];
                if (empty) {
                    results[k] = { site, file, doc: { ids: [], links: [] }, problems: [{ kind: 'page', message: 'no HTML pages' }] };
                    continue;
                }
                const url = base + '/' + path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
                const { doc, problems } = await checkPage(browser, page, url, file, site, args.screenshots);
                results[k] = { site, file, doc, problems };
            }
            await page.close();
        };
        await Promise.all([worker(), worker()]);
    } finally {
        await browser.close();
        server.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
    checkLinks(results);

    let count = 0;
    for (const r of results) {
        for (const p of r.problems) console.log(`${path.relative(process.cwd(), r.file)}: ${p.kind}: ${p.message}`);
        count += r.problems.length;
    }
    console.log(`${results.length} pages in ${args.sites.length} sites: ${count} problems`);
    if (timing) console.log(`milliseconds: ${JSON.stringify(timing)}`);
    if (args.json)
        fs.writeFileSync(args.json, JSON.stringify(results.map(r => ({
            site: r.site, file: r.file, title: r.doc.title, problems: r.problems,
        })), null, 1));
    process.exit(count ? 1 : 0);
}

main().catch(e => {
    console.error(`check_site: ${e.stack || e}`);
    process.exit(2);
});
