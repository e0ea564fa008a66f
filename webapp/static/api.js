// Calls to the bot's API, each carrying the initData Telegram handed the app.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

let initData = "";

export function setInitData(value) {
  initData = value;
}

async function send(path, options = {}) {
  const headers = { Authorization: `tma ${initData}`, ...(options.headers || {}) };
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch (error) {
    throw new ApiError(0, "network", "");
  }
  if (!response.ok) {
    let body = {};
    try {
      body = await response.json();
    } catch (error) {
      body = {};
    }
    throw new ApiError(response.status, body.error || "http", body.message || "");
  }
  return response;
}

export async function getJson(path) {
  return (await send(path)).json();
}

export async function postJson(path, body) {
  const response = await send(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.json();
}

export async function download(path, fallbackName) {
  const response = await send(path);
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = /filename="([^"]+)"/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = match ? match[1] : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
