import "./style.css";
import { resizeAll } from "./charts";
import type { ViewName } from "./state";
import * as store from "./store";
import { briefView } from "./views/brief";
import { dependenceView } from "./views/dependence";
import { eventsView } from "./views/events";
import { feedsView } from "./views/feeds";
import { overlapView } from "./views/overlap";
import { reservesView } from "./views/reserves";

const views: Record<ViewName, (panel: HTMLElement) => () => Promise<void>> = {
  dependence: dependenceView,
  brief: briefView,
  events: eventsView,
  reserves: reservesView,
  overlap: overlapView,
  feeds: feedsView,
};
const loaders: Partial<Record<ViewName, () => Promise<void>>> = {};
const tabs = [...document.querySelectorAll<HTMLButtonElement>("#tabs [role=tab]")];

/** Shows a view (mounted on first visit, after its panel is visible, so its charts get a real size) and loads it. */
function show(name: ViewName, focus = false) {
  for (const tab of tabs) {
    const on = tab.dataset.view === name;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(`view-${tab.dataset.view}`)!.hidden = !on;
    if (on && focus) tab.focus();
  }
  const load = (loaders[name] ??= views[name](document.getElementById(`view-${name}`)!));
  // A view reloads only when the state it shows changed (another view may have changed the mineral).
  void load();
  // Charts drawn while their panel was hidden have no size; resize now that one is shown.
  resizeAll();
}

function choose(name: ViewName, focus = false) {
  store.update({ view: name }, "push");
  show(name, focus);
}

for (const tab of tabs) {
  tab.addEventListener("click", () => choose(tab.dataset.view as ViewName));
  tab.addEventListener("keydown", (e) => {
    const i = tabs.indexOf(tab);
    const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    choose(tabs[(next + tabs.length) % tabs.length].dataset.view as ViewName, true);
  });
}
store.onChange(() => show(store.view()));
// An old link (#reserves) becomes ?view=reserves; the views add what they resolve.
store.update({ view: store.view() }, "replace");
show(store.view());
