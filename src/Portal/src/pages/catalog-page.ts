import { byCategory, loadCatalog } from "../catalog";
import { json } from "../format";
import { EventType } from "../types";
import { h, replace } from "../ui/dom";
import { failure } from "../ui/notice";
import { entered, Page } from "./page";

/** The event catalog by category: each type's description, JSON Schema and example payload. */
export const catalogPage: Page = async (main) => {
  let types: EventType[];
  try {
    types = await loadCatalog();
  } catch (error) {
    replace(main, h("h1", {}, "Event Catalog"), failure("The catalog", error));
    entered(main, "Event Catalog");
    return;
  }
  replace(main,
    h("h1", {}, "Event Catalog"),
    h("p", { class: "lead" }, "The events you can subscribe to, with the shape of their data."),
    types.length === 0 && h("p", { class: "empty" }, "No event types are listed yet."),
    [...byCategory(types)].map(([category, list]) =>
      h("section", { class: "card", "aria-label": category },
        h("h2", {}, category),
        list.map((type) => h("article", { class: "event-type", "data-type": type.type },
          h("h3", { class: "code" }, type.type, type.deprecated && h("span", { class: "badge badge-muted" }, "deprecated")),
          h("p", {}, type.description),
          type.schema !== null && type.schema !== undefined && h("details", {}, h("summary", {}, "Schema"), h("pre", {}, json(type.schema))),
          type.example !== undefined && type.example !== null && h("details", {}, h("summary", {}, "Example"), h("pre", {}, json(type.example))))))));
  entered(main, "Event Catalog");
};
