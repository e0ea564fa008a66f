"""The Telegram Mini App (SPEC §7b): an aiohttp server with a JSON API over the services and a
static front end of plain ES modules. The bot (bot/) starts it when WEBAPP_URL is set."""
