// The report pages in Chromium: nothing requested but the page itself, no script, the k rule
// and the skipped files said at the top, charts drawn with a size, every hidden count shown
// as words, a print to PDF, and a full-page screenshot of each language.
"use strict";
const path = require("path");
const fs = require("fs");
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const [out] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

const words = {
  nl: { skipped: "overgeslagen", hidden: "niet getoond" },
  en: { skipped: "skipped", hidden: "not shown" },
};

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ["--no-sandbox"],
  });
  try {
    for (const lang of ["nl", "en"]) {
      const file = path.join(out, `report-${lang}.html`);
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const requests = [];
      page.on("request", (r) => requests.push(r.url()));
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto("file://" + file);
      check(requests.length === 1, `${lang}: the page asks for nothing else (${requests.length} requests)`);
      check(errors.length === 0, `${lang}: no errors on the page`);
      check((await page.locator("script").count()) === 0, `${lang}: no script in the page`);
      check((await page.getAttribute("html", "lang")) === lang, `${lang}: the page says its language`);
      const text = await page.innerText("body");
      check(text.includes(words[lang].skipped), `${lang}: the skipped files are said`);
      check(text.includes(words[lang].hidden), `${lang}: hidden counts read as words`);
      const charts = await page.locator("svg").count();
      check(charts > 0, `${lang}: charts drawn (${charts})`);
      const box = await page.locator("svg").first().boundingBox();
      check(box !== null && box.width > 50 && box.height > 10, `${lang}: a chart has a size`);
      await page.screenshot({ path: path.join(out, `report-${lang}.png`), fullPage: true });
      const pdf = path.join(out, `report-${lang}.pdf`);
      await page.pdf({ path: pdf, format: "A4" });
      check(fs.statSync(pdf).size > 1000, `${lang}: the report prints`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.log(`${failures.length} failed`);
    process.exit(1);
  }
  console.log("PASS");
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
