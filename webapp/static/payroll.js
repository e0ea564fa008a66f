// The payroll table (admins): a month at a time, with the CSV and XLSX files of /payroll.

import { download, getJson } from "./api.js";
import { el, fill, showError } from "./dom.js";
import { date, hours, money, monthName, t } from "./i18n.js";

function payRow(row, currency) {
  return el(
    "tr",
    { dataset: { code: row.code } },
    el("td", {}, el("div", {}, row.name), el("div", { class: "muted small" }, `${row.code} · ${row.pay_type_label}`)),
    el("td", { class: "num" }, hours(row.worked_h),
      row.norm_h === null ? null : el("div", { class: "muted small" }, `${t("webapp-of")} ${hours(row.norm_h)}`),
      row.overtime_h > 0 ? el("div", { class: "muted small" }, `${t("webapp-pay-overtime")} ${hours(row.overtime_h)}`) : null),
    el("td", { class: "num" }, row.no_norm ? el("span", { class: "warn" }, t("webapp-pay-no-norm")) : money(row.amount, currency)),
  );
}

function render(view, table, reload) {
  const nav = el(
    "div",
    { class: "pager" },
    el("button", { class: "nav", "aria-label": t("webapp-prev"), onclick: () => reload(table.prev).catch(showError) }, "‹"),
    el("span", { class: "period" }, monthName(table.month)),
    el("button", { class: "nav", "aria-label": t("webapp-next"), disabled: !table.next,
      onclick: () => reload(table.next).catch(showError) }, "›"),
  );
  const status = table.locked
    ? el("p", { class: "muted" }, t("webapp-pay-locked"))
    : table.as_of ? el("p", { class: "muted" }, `${t("webapp-pay-so-far")} ${date(table.as_of)}`) : null;
  if (!table.rows.length) {
    fill(view, nav, status, el("p", { class: "notice" }, t("webapp-pay-empty")));
    return;
  }
  const head = el("tr", {},
    el("th", {}, t("webapp-pay-employee")), el("th", { class: "num" }, t("webapp-pay-worked")),
    el("th", { class: "num" }, t("webapp-pay-amount")));
  const foot = el("tr", { class: "totals" },
    el("td", {}, t("webapp-total")), el("td", { class: "num" }, hours(table.worked_h)),
    el("td", { class: "num" }, money(table.amount, table.currency)));
  const files = el("div", { class: "actions" },
    el("button", { class: "secondary", dataset: { file: "csv" },
      onclick: () => download(`api/payroll/file.csv?month=${table.month}`, "payroll.csv").catch(showError) },
      t("webapp-download-csv")),
    el("button", { class: "primary", dataset: { file: "xlsx" },
      onclick: () => download(`api/payroll/file.xlsx?month=${table.month}`, "payroll.xlsx").catch(showError) },
      t("webapp-download-xlsx")),
  );
  fill(
    view,
    nav,
    status,
    el("div", { class: "scroll" }, el("table", { class: "pay" }, el("thead", {}, head),
      el("tbody", {}, ...table.rows.map((row) => payRow(row, table.currency))), el("tfoot", {}, foot))),
    files,
  );
}

export async function showPayroll(view) {
  const reload = async (month) => {
    const table = await getJson(month ? `api/payroll?month=${month}` : "api/payroll");
    render(view, table, reload);
  };
  await reload(null);
}
