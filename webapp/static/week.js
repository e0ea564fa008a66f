// My week: days × tasks and general work; a tap on a cell sets its hours under /log's rules.

import { getJson, postJson } from "./api.js";
import { closeSheet, el, fill, openSheet, showError, toast } from "./dom.js";
import { date, dateRange, hours, hoursOf, t } from "./i18n.js";

function dayHead(day, today) {
  const classes = ["head"];
  if (day.date === today) classes.push("today");
  return el(
    "div",
    { class: classes.join(" ") },
    el("span", { class: "weekday" }, date(day.date, { weekday: "short" })),
    el("span", { class: "daynum" }, date(day.date, { day: "numeric" })),
  );
}

function dayTotal(day, today) {
  const logged = el("span", { class: "logged" }, day.minutes || day.capacity ? hoursOf(day.minutes) : "");
  const capacity =
    day.capacity === null
      ? el("span", { class: "capacity", title: t("webapp-no-schedule") }, "—")
      : el("span", { class: "capacity" }, day.capacity ? hoursOf(day.capacity) : "");
  // A past day short of its schedule stands out; today is not over yet.
  const short = day.capacity !== null && day.minutes < day.capacity && day.writable && day.date < today;
  return el("div", { class: short ? "total short" : "total" }, logged, capacity);
}

function rowTitle(row) {
  const label = row.task ? [el("b", {}, `#${row.task.id}`), " ", row.task.title] : [t("webapp-general")];
  return el(
    "div",
    { class: "rowtitle" },
    el("span", { class: "name" }, ...label),
    el("span", { class: "sum" }, row.total ? hours(row.total / 60) : ""),
  );
}

function cell(grid, row, index, edit) {
  const day = grid.days[index];
  const minutes = row.minutes[index];
  const writable = row.writable[index];
  const label = `${row.task ? `#${row.task.id}` : t("webapp-general")}, ${date(day.date)}`;
  return el(
    "button",
    {
      class: `cell${minutes ? " filled" : ""}${day.date === grid.today ? " today" : ""}`,
      disabled: !writable,
      "aria-label": label,
      dataset: { day: day.date, task: row.task ? row.task.id : "general" },
      onclick: () => edit(row, day, minutes),
    },
    minutes ? hoursOf(minutes) : "",
  );
}

function editor(row, day, minutes, save) {
  const input = el("input", {
    class: "hours-input",
    name: "hours",
    inputmode: "decimal",
    autocomplete: "off",
    value: minutes ? hoursOf(minutes) : "",
    "aria-label": t("webapp-cell-hint"),
  });
  const error = el("p", { class: "error", role: "alert", hidden: true });
  const submit = async (event) => {
    event.preventDefault();
    // One request at a time: a double tap on Save must not send the value twice.
    if (form.dataset.busy) return;
    form.dataset.busy = "1";
    error.hidden = true;
    try {
      await save(input.value);
      closeSheet();
    } catch (failure) {
      error.textContent = failure.message || t("webapp-error-network");
      error.hidden = false;
    } finally {
      delete form.dataset.busy;
    }
  };
  const form = el(
    "form",
    { class: "editor", onsubmit: submit },
    el("h3", {}, row.task ? `#${row.task.id} ${row.task.title}` : t("webapp-general")),
    el("p", { class: "muted" }, date(day.date, { weekday: "long", day: "numeric", month: "long" })),
    input,
    el("p", { class: "hint" }, t("webapp-cell-hint")),
    error,
    el(
      "div",
      { class: "actions" },
      el("button", { type: "button", class: "secondary", onclick: closeSheet }, t("webapp-cancel")),
      el("button", { type: "submit", class: "primary" }, t("webapp-save")),
    ),
  );
  openSheet(form);
  input.focus();
  input.select();
}

function render(view, grid, reload) {
  const edit = (row, day, minutes) =>
    editor(row, day, minutes, async (value) => {
      const fresh = await postJson("api/week/cell", {
        day: day.date,
        task: row.task ? row.task.id : null,
        value,
      });
      window.Telegram?.WebApp?.HapticFeedback?.notificationOccurred?.("success");
      toast(t("webapp-saved"));
      render(view, fresh, reload);
    });
  const last = grid.days[grid.days.length - 1].date;
  const nav = el(
    "div",
    { class: "pager" },
    el("button", { class: "nav", "aria-label": t("webapp-prev"), disabled: !grid.prev,
      onclick: () => reload(grid.prev).catch(showError) }, "‹"),
    el("span", { class: "period" }, dateRange(grid.first, last)),
    el("button", { class: "nav", "aria-label": t("webapp-next"), disabled: !grid.next,
      onclick: () => reload(grid.next).catch(showError) }, "›"),
  );
  const table = el("div", { class: "grid", role: "grid" });
  table.append(...grid.days.map((day) => dayHead(day, grid.today)));
  for (const row of grid.rows) {
    table.append(rowTitle(row));
    table.append(...grid.days.map((_, index) => cell(grid, row, index, edit)));
  }
  table.append(...grid.days.map((day) => dayTotal(day, grid.today)));
  const summary = el(
    "p",
    { class: "summary" },
    `${t("webapp-total")}: ${hours(grid.total / 60)} ${t("webapp-of")} `,
    `${hours(grid.capacity / 60)} ${t("webapp-schedule")}`,
  );
  const empty = grid.rows.length === 1 ? el("p", { class: "muted" }, t("webapp-week-empty")) : null;
  fill(view, nav, table, summary, empty);
}

export async function showWeek(view) {
  const reload = async (day) => {
    const grid = await getJson(day ? `api/week?day=${day}` : "api/week");
    render(view, grid, reload);
  };
  await reload(null);
}
