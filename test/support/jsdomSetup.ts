/*
 * jsdom has no ResizeObserver; Fluent UI's MessageBar observes its own size to reflow its
 * actions. A browser provides it; in jsdom it never fires, which is what a fixed-size pane does.
 */
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class ResizeObserverStandIn {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStandIn;
}
