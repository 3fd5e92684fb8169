// Where the dashboard finds /api. Empty: the same origin (the local host serves both). A deployment that serves the
// page from another origin (storage static website, Static Web Apps) overwrites this file with the Function App's
// URL, e.g. window.FEEDS_API_BASE = "https://func-feeds-xyz.azurewebsites.net"; that origin must be in its CORS list.
window.FEEDS_API_BASE = "";
