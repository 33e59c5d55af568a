import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BoundaryProps {
  /** The panel's or layer's name as the user knows it, already translated. */
  name: string;
  children: ReactNode;
  /** Told when the children have failed (what waited for them goes on without them). */
  onError?: () => void;
}

interface BoundaryState {
  error: Error | null;
}

/**
 * Failure isolation: a panel or map layer that throws shows an alert naming itself and the reason, and the rest of
 * the page keeps working. Remounts its children when they change identity (a new region, a retry).
 */
class Boundary extends Component<
  BoundaryProps & { format: (name: string, reason: string) => string },
  BoundaryState
> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}]`, error.message, info.componentStack ?? '');
    this.props.onError?.();
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <div role="alert" className="panel-alert" data-panel={this.props.name}>
          {this.props.format(this.props.name, this.state.error.message)}
        </div>
      );
    }
    return this.props.children;
  }
}

export function PanelBoundary({ name, children, onError }: BoundaryProps) {
  const { t } = useTranslation('common');
  return (
    <Boundary
      name={name}
      {...(onError && { onError })}
      format={(panel, reason) => t('alert.panelFailed', { panel, reason })}
    >
      {children}
    </Boundary>
  );
}
