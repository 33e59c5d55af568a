import type { IControl } from 'maplibre-gl';

/** A map control button that brings back the whole city. Its label comes translated from the caller. */
export class ResetControl implements IControl {
  private container: HTMLDivElement | undefined;

  constructor(
    private readonly label: string,
    private readonly onReset: () => void,
  ) {}

  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'grid-map__reset';
    button.title = this.label;
    button.setAttribute('aria-label', this.label);
    button.textContent = '⌂';
    button.addEventListener('click', this.onReset);
    container.append(button);
    this.container = container;
    return container;
  }

  onRemove(): void {
    this.container?.remove();
  }
}
