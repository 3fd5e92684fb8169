import "./style.css";
import { dependenceView, feedsView, overlapView, reservesView } from "./views";

const views: Record<string, (panel: HTMLElement) => () => void> = {
  dependence: dependenceView,
  reserves: reservesView,
  overlap: overlapView,
  feeds: feedsView,
};
const loaders: Record<string, () => void> = {};
const tabs = [...document.querySelectorAll<HTMLButtonElement>("#tabs [role=tab]")];

function activate(name: string, focus = false) {
  if (!(name in views)) name = "dependence";
  for (const tab of tabs) {
    const on = tab.dataset.view === name;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(`view-${tab.dataset.view}`)!.hidden = !on;
    if (on && focus) tab.focus();
  }
  // Mounted on first visit, after the panel is shown, so its charts get a real size.
  if (!loaders[name]) {
    loaders[name] = views[name](document.getElementById(`view-${name}`)!);
    loaders[name]();
  }
  // Charts drawn while their panel was hidden have no size; resize now that one is shown.
  Object.values(window.__charts).forEach((c) => c.resize());
  if (location.hash !== `#${name}`) history.replaceState(null, "", `#${name}`);
}

for (const tab of tabs) {
  tab.addEventListener("click", () => activate(tab.dataset.view!));
  tab.addEventListener("keydown", (e) => {
    const i = tabs.indexOf(tab);
    const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    activate(tabs[(next + tabs.length) % tabs.length].dataset.view!, true);
  });
}
addEventListener("hashchange", () => activate(location.hash.slice(1)));
activate(location.hash.slice(1));
