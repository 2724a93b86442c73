// Three phones in a real browser join by the QR code's URL, answer a vote and a step, see
// the reveal, survive a reload, and see the end; a screenshot of each screen for each phone.
"use strict";
const { spawn } = require("child_process");
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const [roomBinary, webRoot, out] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

// The room: commands on its input, "ok COMMAND" on its output.
const room = spawn(roomBinary, [webRoot], { stdio: ["pipe", "pipe", "inherit"] });
const lines = [];
let waiting = null;
let partial = "";
room.stdout.on("data", (chunk) => {
  partial += chunk.toString();
  let end;
  while ((end = partial.indexOf("\n")) >= 0) {
    lines.push(partial.slice(0, end));
    partial = partial.slice(end + 1);
  }
  if (waiting) waiting();
});
function nextLine(match, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the room did not answer ${match}`)), ms);
    const look = () => {
      const i = lines.findIndex((l) => l.startsWith(match));
      if (i >= 0) {
        clearTimeout(timer);
        waiting = null;
        resolve(lines.splice(0, i + 1)[i]);
      }
    };
    waiting = look;
    look();
  });
}
async function trainer(command) {
  room.stdin.write(command + "\n");
  return nextLine(`ok ${command}`);
}

async function main() {
  const url = (await nextLine("url ")).slice(4);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox"] });
  const phones = [
    { name: "nl", lang: "nl", options: { locale: "nl-NL", viewport: { width: 800, height: 900 } } },
    { name: "en", lang: "en", options: { locale: "en-GB", viewport: { width: 800, height: 900 } } },
    { name: "mobile", lang: "nl", options: { locale: "nl-NL", viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  ];
  for (const phone of phones) {
    phone.context = await browser.newContext(phone.options);
    phone.page = await phone.context.newPage();
    phone.errors = [];
    phone.page.on("console", (m) => { if (m.type() === "error") phone.errors.push(m.text()); });
    phone.page.on("pageerror", (e) => phone.errors.push(String(e)));
    phone.shot = (screen) => phone.page.screenshot({ path: path.join(out, `${phone.name}-${screen}.png`), fullPage: true });
  }
  const nl = phones[0], en = phones[1], mobile = phones[2];

  // Joining by the QR code's URL: the code is in it, so the phone joins at once.
  for (const phone of phones) {
    await phone.page.goto(url);
    await phone.page.waitForSelector("#waiting:not([hidden])", { timeout: 5000 });
  }
  await en.page.click("#lang-en");
  check((await en.page.textContent("#waiting h2")) === "You have joined", "the English phone switched language");
  check((await nl.page.textContent("#waiting h2")) === "Je doet mee", "the Dutch phone follows the workshop's language");
  check((await nl.page.textContent("footer p")).startsWith("Anoniem"), "the anonymity promise is shown");
  for (const phone of phones) await phone.shot("1-joined");

  // A vote: each answers; the small screen changes its mind.
  await trainer("vote");
  for (const phone of phones) await phone.page.waitForSelector("#question:not([hidden])", { timeout: 5000 });
  check((await en.page.textContent("#q-title")) === "The Christmas hamper", "the question in English");
  check((await nl.page.textContent("#q-title")) === "Het kerstpakket", "the question in Dutch");
  await nl.page.getByLabel("Houden").check();
  await en.page.getByLabel("Send it back").check();
  await mobile.page.getByLabel("Melden bij je leidinggevende").tap();
  for (const phone of phones) {
    await phone.page.click("#send");
    await phone.page.waitForSelector("#answered:not([hidden])", { timeout: 5000 });
  }
  check((await en.page.textContent("#answered")).startsWith("Your answer is in"), "\"your answer is in\" in English");
  check((await nl.page.textContent("#answered")).startsWith("Je antwoord is binnen"), "\"your answer is in\" in Dutch");
  await mobile.page.getByLabel("Houden").tap();
  await mobile.page.click("#send");
  await mobile.page.waitForFunction(() => document.querySelector("#send").textContent !== "" && !document.querySelector("#answered").hidden);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const tally = await (async () => { room.stdin.write("tally\n"); return nextLine("tally "); })();
  check(tally === "tally 3 2 1 0", `one ballot per phone, the last counts (${tally})`);
  for (const phone of phones) await phone.shot("2-answered");

  // Closed, then revealed; a reload finds the result again.
  await trainer("close");
  await nl.page.waitForFunction(() => document.querySelector("#send").disabled, null, { timeout: 5000 });
  check((await nl.page.textContent("#answered")).startsWith("De ronde is gesloten"), "the closed round is said");
  await trainer("reveal");
  for (const phone of phones) await phone.page.waitForSelector("#result:not([hidden])", { timeout: 5000 });
  check((await en.page.textContent("#r-body")).includes("Keep it"), "the result in English");
  check((await nl.page.textContent("#r-body")).includes("2 antwoorden (67%)"), "the result's figures");
  for (const phone of phones) await phone.shot("3-revealed");
  await mobile.page.reload();
  await mobile.page.waitForSelector("#result:not([hidden])", { timeout: 5000 });
  check(true, "a reloaded phone joins again and sees the result");

  // A step of the model: stakeholders, with a blind spot after the reveal.
  await trainer("step");
  for (const phone of phones) await phone.page.waitForSelector("#question:not([hidden])", { timeout: 5000 });
  await nl.page.getByLabel("Jij").check();
  await nl.page.getByLabel("De leverancier").check();
  await en.page.getByLabel("You").check();
  await mobile.page.getByLabel("Jij").tap();
  for (const phone of phones) {
    await phone.page.click("#send");
    await phone.page.waitForSelector("#answered:not([hidden])", { timeout: 5000 });
  }
  await trainer("reveal");
  for (const phone of phones) await phone.page.waitForSelector("#result:not([hidden])", { timeout: 5000 });
  check((await nl.page.textContent("#r-body")).includes("Belangrijk, maar door weinigen genoemd: Andere inschrijvers"),
        "relevant stakeholders named by few are shown");
  for (const phone of phones) await phone.shot("4-step-revealed");

  // The end: every phone is told.
  await trainer("end");
  for (const phone of phones) await phone.page.waitForSelector("#ended:not([hidden])", { timeout: 5000 });
  check((await en.page.textContent("#ended h2")) === "This session has ended", "the end in English");
  check((await nl.page.textContent("#ended h2")) === "Deze sessie is afgelopen", "the end in Dutch");
  for (const phone of phones) await phone.shot("5-ended");

  // Large enough to tap: every button and choice at least 44 by 44 CSS pixels.
  const small = await mobile.page.evaluate(() => [...document.querySelectorAll("button, label.choice")]
    .filter((e) => e.offsetParent !== null)
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width < 44 || r.height < 44).length);
  check(small === 0, "tap targets are at least 44 px");
  for (const phone of phones) {
    check(phone.errors.length === 0, `no errors in the ${phone.name} phone's console ${phone.errors.join(" | ")}`);
  }
  await browser.close();
}

main()
  .catch((e) => failures.push(String(e && e.stack || e)))
  .finally(() => {
    room.stdin.end();
    room.kill();
    if (failures.length > 0) {
      console.error(`phones_test: ${failures.length} failed:\n${failures.join("\n")}`);
      process.exit(1);
    }
    console.log(`phones_test: ok (screenshots in ${out})`);
    process.exit(0);
  });
