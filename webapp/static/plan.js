// The plan: per person and per task, planned against logged, lag and forecast, as /plan has
// them; a tap on a task opens its card.

import { getJson } from "./api.js";
import { closeSheet, el, fill, openSheet, showError } from "./dom.js";
import { date, hours, number, t } from "./i18n.js";

function bar(planned, logged, scale) {
  const width = (value) => `${Math.min(100, scale ? (100 * value) / scale : 0)}%`;
  // Widths through the style object: the page's CSP forbids style attributes.
  const plannedBar = el("div", { class: "bar planned" });
  const loggedBar = el("div", { class: "bar logged" });
  plannedBar.style.width = width(planned);
  loggedBar.style.width = width(logged);
  return el("div", { class: "bars", "aria-hidden": "true" }, plannedBar, loggedBar);
}

function fact(label, value, warn = false) {
  return el("span", { class: warn ? "fact warn" : "fact" }, `${label}: `, el("b", {}, value));
}

function personCard(person, scale) {
  const facts = [
    fact(t("webapp-planned"), hours(person.planned_h)),
    fact(t("webapp-logged"), hours(person.logged_h)),
    fact(t("webapp-lag"), hours(person.lag_h), person.lag_h > 0),
  ];
  if (person.overload_h === null) facts.push(fact(t("webapp-overload"), t("webapp-no-schedule")));
  else if (person.overload_h > 0) facts.push(fact(t("webapp-overload"), hours(person.overload_h), true));
  return el(
    "div",
    { class: "card person" },
    el("div", { class: "line" }, el("b", {}, person.name),
      el("span", { class: "muted" }, `${t("webapp-open-tasks")}: ${person.open_tasks}`)),
    bar(person.planned_h, person.logged_h, scale),
    el("div", { class: "facts" }, ...facts),
  );
}

function outlookFacts(task) {
  const o = task.outlook;
  if (!o) return [];
  if (o.flag === "no_schedule") return [el("span", { class: "flag" }, t("webapp-flag-no-schedule"))];
  const facts = [];
  if (o.flag === "untracked") facts.push(el("span", { class: "flag" }, t("webapp-flag-untracked")));
  if (o.flag === "ok") {
    facts.push(fact(t("webapp-planned"), hours(o.planned_h)));
    const days = o.lag_h > 0 ? ` (${t("webapp-lag-days")}: ${number(o.lag_days, 1)})` : "";
    facts.push(fact(t("webapp-lag"), `${hours(o.lag_h)}${days}`, o.lag_h > 0));
  }
  if (o.forecast_finish) facts.push(fact(t("webapp-forecast"), date(o.forecast_finish), o.late_days > 0));
  if (o.late_days > 0) facts.push(fact(t("webapp-late-days"), number(o.late_days), true));
  return facts;
}

function taskItem(task, scale) {
  const planned = task.outlook?.planned_h ?? 0;
  return el(
    "button",
    { class: "card task", dataset: { task: task.id }, onclick: () => openCard(task.id).catch(showError) },
    el("div", { class: "line" }, el("span", {}, el("b", {}, `#${task.id}`), ` ${task.title}`),
      el("span", { class: "muted" }, task.status_label)),
    el("div", { class: "muted small" }, task.assignee ? task.assignee.name : t("webapp-unassigned"),
      task.deadline ? ` · ${t("webapp-deadline")}: ${date(task.deadline)}` : ""),
    bar(planned, task.logged_h, scale),
    el("div", { class: "facts" },
      fact(t("webapp-logged"), task.estimate_h === null ? hours(task.logged_h)
        : `${hours(task.logged_h)} ${t("webapp-of")} ${hours(task.estimate_h)}`),
      ...outlookFacts(task)),
  );
}

function row(label, value) {
  return value ? el("div", { class: "kv" }, el("span", { class: "muted" }, label), el("span", {}, value)) : null;
}

async function openCard(id) {
  const card = await getJson(`api/tasks/${id}`);
  const o = card.outlook;
  openSheet(
    el("div", { class: "taskcard" },
      el("h3", {}, `#${card.id} ${card.title}`),
      card.description ? el("p", { class: "description" }, card.description) : null,
      row(t("webapp-card-status"), card.status_label),
      row(t("webapp-card-group"), card.group),
      row(t("webapp-card-priority"), card.priority_label),
      row(t("webapp-card-author"), card.author?.name),
      row(t("webapp-card-assignee"), card.assignee?.name),
      row(t("webapp-card-tester"), card.tester?.name),
      row(t("webapp-estimate"), card.estimate_h === null ? null : hours(card.estimate_h)),
      row(t("webapp-logged"), hours(card.logged_h)),
      row(t("webapp-card-start"), date(card.start)),
      row(t("webapp-deadline"), card.deadline ? date(card.deadline) : null),
      o && o.flag === "ok" ? row(t("webapp-lag"), hours(o.lag_h)) : null,
      o && o.remaining_h !== null ? row(t("webapp-remaining"), hours(o.remaining_h)) : null,
      o && o.forecast_finish ? row(t("webapp-forecast"), date(o.forecast_finish)) : null,
      card.comments.length ? el("h4", {}, t("webapp-card-comments")) : null,
      card.comments.map((c) => el("p", { class: "comment" }, el("b", {}, c.author ? `${c.author.name}: ` : ""), c.text)),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "primary", onclick: closeSheet }, t("webapp-close"))),
    ),
  );
}

export async function showPlan(view) {
  const plan = await getJson("api/plan");
  if (!plan.tasks.length) {
    fill(view, el("p", { class: "notice" }, t("webapp-plan-empty")));
    return;
  }
  const scale = Math.max(1, ...plan.people.map((p) => Math.max(p.planned_h, p.logged_h)));
  const taskScale = Math.max(1, ...plan.tasks.map((x) => Math.max(x.estimate_h ?? 0, x.logged_h)));
  const legend = el("div", { class: "legend" },
    el("span", { class: "key planned" }), t("webapp-planned"),
    el("span", { class: "key logged" }), t("webapp-logged"));
  fill(
    view,
    el("h2", {}, t("webapp-plan-people")),
    legend,
    ...plan.people.map((person) => personCard(person, scale)),
    el("h2", {}, t("webapp-plan-tasks")),
    ...plan.tasks.map((task) => taskItem(task, taskScale)),
  );
}
