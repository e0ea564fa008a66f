// The Mini App's entry: Telegram's WebApp object, theme, who is here, and the tabs.

import { ApiError, getJson, setInitData } from "./api.js";
import { clear, el, fill, showError } from "./dom.js";
import { setLanguage, t } from "./i18n.js";
import { showPayroll } from "./payroll.js";
import { showPlan } from "./plan.js";
import { showWeek } from "./week.js";

const SDK = "https://telegram.org/js/telegram-web-app.js";
const SCREENS = { week: showWeek, plan: showPlan, payroll: showPayroll };
const TAB_KEYS = { week: "webapp-tab-week", plan: "webapp-tab-plan", payroll: "webapp-tab-payroll" };

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

async function telegram() {
  // Inside Telegram (or a test that stubs it) the object is there already.
  if (!window.Telegram?.WebApp) {
    try {
      await loadScript(SDK);
    } catch (error) {
      // Offline development: the initData can still come in the address (#tgWebAppData=...).
    }
  }
  return window.Telegram?.WebApp ?? null;
}

function initDataOf(app) {
  if (app?.initData) return app.initData;
  const hash = new URLSearchParams(window.location.hash.slice(1));
  return hash.get("tgWebAppData") || "";
}

function applyTheme(app) {
  const root = document.documentElement;
  const params = app?.themeParams || {};
  for (const [name, value] of Object.entries(params)) {
    root.style.setProperty(`--tg-theme-${name.replaceAll("_", "-")}`, value);
  }
  if (app?.colorScheme) root.dataset.scheme = app.colorScheme;
}

async function fallbackTexts(app) {
  const code = app?.initDataUnsafe?.user?.language_code || navigator.language || "ru";
  const lang = code.toLowerCase().startsWith("en") ? "en" : "ru";
  try {
    const response = await fetch(`texts/${lang}.json`);
    setLanguage(lang, await response.json());
  } catch (error) {
    setLanguage(lang, {});
  }
}

function showMessage(text) {
  clear(document.getElementById("tabs"));
  clear(document.getElementById("view")).append(el("p", { class: "notice" }, text));
}

function renderTabs(screens, current, open) {
  const nav = clear(document.getElementById("tabs"));
  if (screens.length < 2) return;
  for (const screen of screens) {
    nav.append(
      el(
        "button",
        {
          class: "tab",
          role: "tab",
          "aria-selected": screen === current ? "true" : "false",
          dataset: { screen },
          onclick: () => open(screen),
        },
        t(TAB_KEYS[screen]),
      ),
    );
  }
}

async function main() {
  const app = await telegram();
  applyTheme(app);
  app?.onEvent?.("themeChanged", () => applyTheme(app));
  app?.ready?.();
  app?.expand?.();
  setInitData(initDataOf(app));
  let me;
  try {
    me = await getJson("api/me");
  } catch (error) {
    await fallbackTexts(app);
    if (error instanceof ApiError && error.status === 401) showMessage(t("webapp-error-auth"));
    else showError(error);
    return;
  }
  setLanguage(me.lang, me.texts);
  document.title = t("webapp-title");
  if (!me.screens.length) {
    showMessage(t("webapp-nothing"));
    return;
  }
  const open = async (screen) => {
    renderTabs(me.screens, screen, open);
    // Each opening draws into its own node: a slow answer for a tab left since lands nowhere.
    const view = el("div", {}, el("p", { class: "muted" }, t("webapp-loading")));
    fill(document.getElementById("view"), view);
    try {
      await SCREENS[screen](view, me);
    } catch (error) {
      showError(error);
    }
  };
  const asked = new URLSearchParams(window.location.search).get("screen");
  await open(me.screens.includes(asked) ? asked : me.screens[0]);
}

main();
