// The participants' page: join with the room code, answer what the trainer puts on the
// phones, see the room's result after the reveal. Everything shown is set as text, never as
// HTML. The device's token lives in this page's memory only.
"use strict";

const TEXT = {
  nl: {
    join_title: "Doe mee met de workshop",
    code_label: "Code van de zaal",
    join_button: "Meedoen",
    waiting_title: "Je doet mee",
    waiting_text: "Wacht op de volgende vraag van de trainer.",
    send: "Verstuur",
    change: "Wijzig je antwoord",
    answered: "Je antwoord is binnen. Je kunt het wijzigen tot de ronde sluit.",
    closed: "De ronde is gesloten. De trainer laat de uitkomst zo zien.",
    ended_title: "Deze sessie is afgelopen",
    ended_text: "Bedankt voor het meedoen. Je kunt deze pagina sluiten.",
    promise: "Anoniem: je antwoorden worden geteld zonder je naam, toestel of adres, en blijven op de laptop van de trainer.",
    wrong_code: "Die code klopt niet. Kijk nog eens naar het scherm.",
    offline: "Geen verbinding. We proberen het opnieuw…",
    slow_down: "Even rustig aan; probeer het zo opnieuw.",
    invalid: "Dit antwoord past niet bij de vraag.",
    pick_one: "Kies één antwoord.",
    pick_any: "Kies wat van toepassing is.",
    rank_hint: "Zet in volgorde: het belangrijkste bovenaan.",
    up: "Omhoog",
    down: "Omlaag",
    text_hint: "Hoogstens 280 tekens.",
    chars_left: (n) => `Nog ${n} tekens`,
    votes: (n) => (n === 1 ? "1 antwoord" : `${n} antwoorden`),
    points: (n) => `${n} punten`,
    few: "Belangrijk, maar door weinigen genoemd:",
    shown_texts: "Wat de trainer liet zien:",
    result: "Uitkomst van de zaal",
  },
  en: {
    join_title: "Join the workshop",
    code_label: "Room code",
    join_button: "Join",
    waiting_title: "You have joined",
    waiting_text: "Wait for the trainer's next question.",
    send: "Send",
    change: "Change your answer",
    answered: "Your answer is in. You can change it until the round closes.",
    closed: "The round is closed. The trainer will show the result shortly.",
    ended_title: "This session has ended",
    ended_text: "Thank you for taking part. You can close this page.",
    promise: "Anonymous: your answers are counted without your name, device or address, and stay on the trainer's laptop.",
    wrong_code: "That code is not right. Have another look at the screen.",
    offline: "No connection. Trying again…",
    slow_down: "Not so fast; try again in a moment.",
    invalid: "This answer does not fit the question.",
    pick_one: "Choose one answer.",
    pick_any: "Choose all that apply.",
    rank_hint: "Put them in order: the most important at the top.",
    up: "Up",
    down: "Down",
    text_hint: "At most 280 characters.",
    chars_left: (n) => `${n} characters left`,
    votes: (n) => (n === 1 ? "1 answer" : `${n} answers`),
    points: (n) => `${n} points`,
    few: "Relevant, but named by few:",
    shown_texts: "What the trainer showed:",
    result: "The room's result",
  },
};

const page = {
  lang: "nl",
  code: "",
  token: "",
  events: null,
  state: null,
  round: 0,      // the round whose form is on screen
  answered: 0,   // the round this device has an answer in
  rankOrder: [],
};

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[page.lang][key];

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) {
    node.append(child);
  }
  return node;
}

function localised(texts) {
  if (!texts) return "";
  return texts[page.lang] || texts.nl || texts.en || Object.values(texts)[0] || "";
}

function show(section) {
  for (const id of ["join", "waiting", "question", "result", "ended"]) {
    $(id).hidden = id !== section;
  }
}

function setStatus(message) {
  $("status").textContent = message || "";
}

function setLanguage(lang) {
  page.lang = lang === "en" ? "en" : "nl";
  document.documentElement.lang = page.lang;
  for (const node of document.querySelectorAll("[data-text]")) {
    node.textContent = t(node.dataset.text);
  }
  $("lang-nl").setAttribute("aria-pressed", String(page.lang === "nl"));
  $("lang-en").setAttribute("aria-pressed", String(page.lang === "en"));
  if (page.state) {
    page.round = 0;  // redraw the question in the new language, keeping what was chosen
    render(page.state, currentBallot());
  }
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  let data = {};
  try {
    data = await response.json();
  } catch (e) {
    data = {};
  }
  return { status: response.status, data };
}

async function join(code) {
  setStatus("");
  try {
    const { status, data } = await post("/api/join", { code });
    if (status === 200) {
      page.code = code;
      page.token = data.token;
      if (!page.chosenLanguage) setLanguage(data.language);
      listen();
      return;
    }
    show("join");
    setStatus(status === 403 ? t("wrong_code") : status === 429 ? t("slow_down") : t("offline"));
  } catch (e) {
    show("join");
    setStatus(t("offline"));
    setTimeout(() => join(code), 3000);
  }
}

// The state comes as a stream of events; the browser reconnects by itself after a drop. A
// stream refused for good (the server forgot this device) means joining again.
function listen() {
  if (page.events) page.events.close();
  const events = new EventSource("/api/events?token=" + encodeURIComponent(page.token));
  page.events = events;
  events.addEventListener("state", (event) => {
    setStatus("");
    const state = JSON.parse(event.data);
    render(state, state.mine);
  });
  events.onerror = () => {
    if (page.state && page.state.ended) return;
    setStatus(t("offline"));
    if (events.readyState === EventSource.CLOSED) {
      setTimeout(() => join(page.code), 2000);
    }
  };
}

function render(state, mine) {
  page.state = state;
  if (state.ended) {
    if (page.events) page.events.close();
    show("ended");
    return;
  }
  if (!state.open) {
    page.round = 0;
    show("waiting");
    return;
  }
  if (state.revealed) {
    renderResult(state);
    show("result");
    return;
  }
  if (state.round !== page.round) {
    page.round = state.round;
    renderQuestion(state.question, mine);
    if (mine) page.answered = state.round;
  }
  updateAnswered(state);
  show("question");
}

function updateAnswered(state) {
  const closed = !!state.closed;
  const inRound = page.answered === state.round;
  $("answered").hidden = !(inRound || closed);
  $("answered").textContent = closed ? t("closed") : t("answered");
  $("send").textContent = inRound ? t("change") : t("send");
  $("send").disabled = closed;
  for (const input of $("q-inputs").querySelectorAll("input, textarea, button")) {
    input.disabled = closed;
  }
}

function choiceInput(type, name, choice, index, checked) {
  const id = `c-${name}-${index}`;
  const input = el("input", { type, name, id, value: choice.id, checked });
  const label = el("label", { className: "choice", htmlFor: id }, input,
                   el("span", { textContent: localised(choice.label) }));
  return label;
}

function renderQuestion(q, mine) {
  $("q-title").textContent = localised(q.title);
  $("q-prompt").textContent = localised(q.prompt);
  const box = $("q-inputs");
  box.replaceChildren();
  const picks = mine ? mine.picks || [] : [];
  if (q.kind === "choice" || q.kind === "select") {
    $("q-hint").textContent = t("pick_one");
    q.choices.forEach((c, i) => box.append(choiceInput("radio", "pick", c, i, picks.includes(c.id))));
  } else if (q.kind === "multiselect" || q.kind === "checks") {
    $("q-hint").textContent = t("pick_any");
    q.choices.forEach((c, i) => box.append(choiceInput("checkbox", "pick", c, i, picks.includes(c.id))));
  } else if (q.kind === "rank") {
    $("q-hint").textContent = t("rank_hint");
    page.rankOrder = picks.length === q.choices.length ? picks.slice() : q.choices.map((c) => c.id);
    drawRanking(q);
  } else if (q.kind === "scale") {
    $("q-hint").textContent = "";
    const ends = el("div", { className: "scale-ends" },
                    el("span", { textContent: localised(q.scale.min_label) }),
                    el("span", { textContent: localised(q.scale.max_label) }));
    box.append(ends);
    for (let v = q.scale.min; v <= q.scale.max; v++) {
      const choice = { id: String(v), label: { nl: String(v), en: String(v) } };
      box.append(choiceInput("radio", "scale", choice, v, mine && mine.scale === v));
    }
  } else {
    $("q-hint").textContent = t("text_hint");
    const area = el("textarea", { id: "free-text", rows: 4, maxLength: 280, value: mine ? mine.text : "" });
    area.setAttribute("aria-labelledby", "q-title");
    const left = el("p", { className: "hint", id: "chars-left" });
    const count = () => { left.textContent = t("chars_left")(280 - [...area.value].length); };
    area.addEventListener("input", count);
    count();
    box.append(area, left);
  }
}

function drawRanking(q) {
  const box = $("q-inputs");
  box.replaceChildren();
  const list = el("ol", { className: "rank-list" });
  page.rankOrder.forEach((id, place) => {
    const choice = q.choices.find((c) => c.id === id);
    const name = localised(choice.label);
    const move = (delta) => () => {
      const to = place + delta;
      if (to < 0 || to >= page.rankOrder.length) return;
      [page.rankOrder[place], page.rankOrder[to]] = [page.rankOrder[to], page.rankOrder[place]];
      drawRanking(q);
      box.querySelectorAll("button")[2 * to + (delta < 0 ? 0 : 1)]?.focus();
    };
    const up = el("button", { type: "button", textContent: "↑", disabled: place === 0 });
    up.setAttribute("aria-label", `${t("up")}: ${name}`);
    up.addEventListener("click", move(-1));
    const down = el("button", { type: "button", textContent: "↓", disabled: place === page.rankOrder.length - 1 });
    down.setAttribute("aria-label", `${t("down")}: ${name}`);
    down.addEventListener("click", move(1));
    list.append(el("li", { className: "rank-item" },
                   el("span", { className: "place", textContent: `${place + 1}.` }),
                   el("span", { className: "label", textContent: name }), up, down));
  });
  box.append(list);
}

function currentBallot() {
  const q = page.state && page.state.question;
  if (!q) return null;
  const box = $("q-inputs");
  if (q.kind === "rank") return { picks: page.rankOrder.slice() };
  if (q.kind === "scale") {
    const picked = box.querySelector("input[name=scale]:checked");
    return picked ? { scale: Number(picked.value) } : null;
  }
  if (q.kind === "text") {
    const area = $("free-text");
    return area ? { text: area.value } : null;
  }
  return { picks: [...box.querySelectorAll("input[name=pick]:checked")].map((i) => i.value) };
}

async function send(event) {
  event.preventDefault();
  const ballot = currentBallot();
  if (!ballot || (ballot.picks && ballot.picks.length === 0) || ballot.text === "") {
    setStatus(t("invalid"));
    return;
  }
  const round = page.state.round;
  try {
    const { status, data } = await post("/api/ballot", { token: page.token, round, ...ballot });
    if (status === 200) {
      page.answered = round;
      setStatus("");  // the answer's own line says it, and is announced
    } else if (status === 401) {
      join(page.code);
    } else if (status === 409 && data.result === "closed") {
      setStatus(t("closed"));
    } else {
      setStatus(status === 429 ? t("slow_down") : t("invalid"));
    }
  } catch (e) {
    setStatus(t("offline"));
  }
  updateAnswered(page.state);
}

function barRow(label, count, total, detail) {
  const share = total > 0 ? Math.round((100 * count) / total) : 0;
  const bar = el("div", { className: "bar" });
  bar.style.width = `${share}%`;
  return el("div", { className: "bar-row" },
            el("div", { className: "bar-label" }, el("span", { textContent: label }),
               el("span", { textContent: detail || `${t("votes")(count)} (${share}%)` })),
            el("div", { className: "bar-track" }, bar));
}

function renderResult(state) {
  const q = state.question;
  const r = state.result;
  $("r-title").textContent = `${t("result")}: ${localised(q.title)}`;
  $("r-prompt").textContent = localised(q.prompt);
  const body = $("r-body");
  body.replaceChildren(el("p", { className: "hint", textContent: t("votes")(r.ballots) }));
  if (q.kind === "rank") {
    const order = q.choices.map((c, i) => ({ c, points: r.rank_points[i] || 0 }))
                           .sort((a, b) => b.points - a.points);
    const most = Math.max(1, ...order.map((o) => o.points));
    for (const o of order) body.append(barRow(localised(o.c.label), o.points, most, t("points")(o.points)));
  } else if (q.kind === "scale") {
    r.scale_counts.forEach((n, i) => body.append(barRow(String(q.scale.min + i), n, r.ballots)));
  } else if (q.kind !== "text") {
    q.choices.forEach((c, i) => body.append(barRow(localised(c.label), r.per_choice[i] || 0, r.ballots)));
  }
  if (r.named_by_few.length > 0) {
    const names = r.named_by_few.map((i) => localised(q.choices[i].label)).join(", ");
    body.append(el("p", { className: "few", textContent: `${t("few")} ${names}` }));
  }
  if (r.texts.length > 0) {
    body.append(el("h3", { textContent: t("shown_texts") }));
    body.append(el("ul", { className: "texts" }, ...r.texts.map((x) => el("li", { textContent: x }))));
  }
}

function start() {
  $("lang-nl").addEventListener("click", () => { page.chosenLanguage = true; setLanguage("nl"); });
  $("lang-en").addEventListener("click", () => { page.chosenLanguage = true; setLanguage("en"); });
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") || (navigator.language || "nl").slice(0, 2);
  setLanguage(lang);
  if (params.get("lang")) page.chosenLanguage = true;
  $("join-form").addEventListener("submit", (e) => {
    e.preventDefault();
    join($("code").value.trim());
  });
  $("answer-form").addEventListener("submit", send);
  const code = params.get("code");
  if (code) {
    $("code").value = code;
    join(code);
  } else {
    show("join");
  }
}

document.addEventListener("DOMContentLoaded", start);
