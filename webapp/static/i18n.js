// Words come from the server (the locale files); numbers and dates are written by Intl in
// the person's language.

const state = { texts: {}, lang: "ru" };

export function setLanguage(lang, texts) {
  state.lang = lang;
  state.texts = texts || {};
  document.documentElement.lang = lang;
}

export function language() {
  return state.lang;
}

export function t(key) {
  return state.texts[key] ?? "";
}

export function number(value, digits = 2) {
  return new Intl.NumberFormat(state.lang, { maximumFractionDigits: digits }).format(value);
}

export function hoursOf(minutes) {
  return number(minutes / 60);
}

export function hours(value) {
  return `${number(value)}\u00a0${t("webapp-hours-unit")}`;
}

export function money(value, currency) {
  try {
    return new Intl.NumberFormat(state.lang, {
      style: "currency",
      currency,
      // Whole amounts without ",00", as in chat.
      minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(value);
  } catch (error) {
    return `${number(value)} ${currency}`;
  }
}

export function toDate(iso) {
  return new Date(`${iso}T00:00:00Z`);
}

export function date(iso, options = { day: "numeric", month: "short", year: "numeric" }) {
  return new Intl.DateTimeFormat(state.lang, { ...options, timeZone: "UTC" }).format(toDate(iso));
}

export function dateRange(first, last) {
  const format = new Intl.DateTimeFormat(state.lang, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return format.formatRange(toDate(first), toDate(last));
}

export function monthName(code) {
  return date(`${code}-01`, { month: "long", year: "numeric" });
}
