import { byCategory } from "../catalog";
import { EventType } from "../types";
import { h, uid } from "./dom";

export interface EventsPicker {
  element: HTMLElement;
  selected(): string[];
}

/**
 * The events a webhook subscribes to: "all events", the catalog's types grouped by category (a fieldset each, so
 * each group is announced with its name), and a free field for patterns such as server.* or types the catalog lacks.
 */
export function eventsPicker(catalog: EventType[], chosen: string[]): EventsPicker {
  const known = new Set(catalog.map((t) => t.type));
  const all = h("input", { type: "checkbox", id: "events-all", value: "*", checked: chosen.includes("*") });
  const boxes: HTMLInputElement[] = [];
  const groups = [...byCategory(catalog.filter((t) => !t.deprecated || chosen.includes(t.type)))].map(([category, types]) =>
    h("fieldset", { class: "event-group" },
      h("legend", {}, category),
      types.map((type) => {
        const id = uid("event");
        const box = h("input", { type: "checkbox", id, value: type.type, checked: chosen.includes(type.type), "aria-describedby": `${id}-d` });
        boxes.push(box);
        return h("div", { class: "check" }, box,
          h("label", { for: id }, type.type),
          h("span", { id: `${id}-d`, class: "hint" }, type.description));
      })));
  const other = h("input", {
    type: "text", id: "events-other", "aria-describedby": "events-other-hint",
    value: chosen.filter((e) => e !== "*" && !known.has(e)).join(", "),
  });
  const sync = () => boxes.forEach((box) => (box.disabled = all.checked));
  all.addEventListener("change", sync);
  sync();
  const element = h("fieldset", { class: "events" },
    h("legend", {}, "Events to send"),
    h("div", { class: "check" }, all, h("label", { for: "events-all" }, "All events (*)")),
    catalog.length === 0 && h("p", { class: "hint" }, "The event catalog is empty: name the events below."),
    groups,
    h("label", { for: "events-other" }, "Other event types or patterns"),
    other,
    h("p", { id: "events-other-hint", class: "hint" }, "Comma-separated, e.g. server.* or invoice.paid."));
  return {
    element,
    selected: () => {
      if (all.checked) {
        return ["*"];
      }
      const typed = other.value.split(",").map((s) => s.trim()).filter(Boolean);
      return [...new Set([...boxes.filter((b) => b.checked).map((b) => b.value), ...typed])];
    },
  };
}
