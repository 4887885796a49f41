// Live updates by polling: every `period` while the tab is visible, backing off (doubling, up to a minute) while the
// server fails, and stopping when the page that started it is left.
export class Poller {
  private timer: number | undefined;
  private delay: number;
  private stopped = false;

  constructor(private readonly refresh: () => Promise<void>, private readonly period = 5000) {
    this.delay = period;
    document.addEventListener("visibilitychange", this.onVisibility);
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    document.removeEventListener("visibilitychange", this.onVisibility);
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    if (!this.stopped && document.visibilityState === "visible") {
      this.timer = window.setTimeout(() => void this.tick(), this.delay);
    }
  }

  private async tick(): Promise<void> {
    try {
      await this.refresh();
      this.delay = this.period;
    } catch {
      this.delay = Math.min(this.delay * 2, 60000);
    }
    this.schedule();
  }

  private readonly onVisibility = () => this.schedule();
}
