import { Access } from "../session-context";

/** A page draws itself into main; what it returns is called when the user leaves it (to stop polling). */
export type Page = (main: HTMLElement, access: Access, params: string[]) => Promise<(() => void) | void>;

/** Titles the document and moves focus to the page's heading, so a screen reader hears where it is. */
export function entered(main: HTMLElement, title: string): void {
  document.title = `${title} · Webhooks`;
  const heading = main.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
}
