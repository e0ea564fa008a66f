// A tiny element builder: el("div", {class: "x"}, child, "text"), and the shared pieces.

import { ApiError } from "./api.js";
import { t } from "./i18n.js";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

// Replace the node's children with the given ones, skipping null and false.
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== false));
  return node;
}

let toastTimer = null;

export function toast(text) {
  const node = document.getElementById("toast");
  node.textContent = text;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    node.hidden = true;
  }, 2000);
}

export function openSheet(...children) {
  const sheet = document.getElementById("sheet");
  clear(sheet).append(...children);
  if (!sheet.open) sheet.showModal();
  return sheet;
}

export function closeSheet() {
  const sheet = document.getElementById("sheet");
  if (sheet.open) sheet.close();
}

export function showError(error) {
  const view = document.getElementById("view");
  let text = error instanceof ApiError ? error.message : "";
  if (!text && error?.status === 401) text = t("webapp-error-auth");
  if (!text) text = t(error?.status === 0 ? "webapp-error-network" : "webapp-error-internal");
  clear(view).append(el("p", { class: "notice error", role: "alert" }, text));
}

