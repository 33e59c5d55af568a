import { Component, type ReactNode } from 'react';

const retryAfterMs = 10_000;

interface Props {
  children: ReactNode;
  /** Shown while the map is down: the rest of the wall keeps running. */
  fallback: ReactNode;
}

/**
 * A map that throws (WebGL unavailable after a driver reset, say) is tried again after a pause instead of
 * leaving a hole in the wall until someone reloads it.
 */
export class MapRetryBoundary extends Component<Props, { failedAt: number | null; attempt: number }> {
  override state = { failedAt: null as number | null, attempt: 0 };
  private timer: number | undefined;

  static getDerivedStateFromError(): { failedAt: number } {
    return { failedAt: Date.now() };
  }

  override componentDidCatch(error: Error): void {
    console.error('[wall map]', error.message);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(
      () => this.setState((state) => ({ failedAt: null, attempt: state.attempt + 1 })),
      retryAfterMs,
    );
  }

  override componentWillUnmount(): void {
    window.clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (this.state.failedAt !== null) return this.props.fallback;
    return (
      <div key={this.state.attempt} className="wall-map__attempt">
        {this.props.children}
      </div>
    );
  }
}
