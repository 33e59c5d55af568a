/**
 * The briefing as a portrait image for a phone and the chat apps leaders send it through: 1080 px wide (a phone's
 * screen at its full resolution, what chat apps keep without shrinking), the heading (title, unit, window, data
 * time) in type that reads at that size, the map as the screen shows it, and the KPI cards laid out two by two.
 * The map comes through html-to-image (its WebGL canvas keeps its drawing buffer for this); the rest is drawn
 * here, so the same picture comes out of a phone, a tablet or a desk, whatever their layout.
 */
export const portraitWidth = 1080;
const margin = 48;
const inner = portraitWidth - 2 * margin;
const font = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const ink = '#0d1445';
const muted = '#4a5568';

export interface PortraitBriefing {
  title: string;
  /** Unit, window and data time: one line each. */
  lines: string[];
  map: HTMLElement;
  /** The KPI cards as shown: name, value, and the small print under it. */
  figures: { name: string; value: string; detail: string }[];
}

/** Text broken into lines no wider than `width` at the context's font (CJK breaks anywhere, so by character). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (line && context.measureText(line + character).width > width) {
      lines.push(line);
      line = character.trimStart();
    } else line += character;
  }
  if (line) lines.push(line);
  return lines;
}

export async function portraitBriefingImage(briefing: PortraitBriefing): Promise<Blob> {
  const { toCanvas } = await import('html-to-image');
  const mapBox = briefing.map.getBoundingClientRect();
  const map = await toCanvas(briefing.map, {
    pixelRatio: Math.max(1, inner / Math.max(1, mapBox.width)),
    backgroundColor: '#ffffff',
    cacheBust: false,
    // The picture, not the controls: zoom and compass buttons, the layer drawer's button mean nothing on paper.
    filter: (node) =>
      !(
        node instanceof HTMLElement &&
        (node.tagName === 'BUTTON' ||
          node.classList.contains('maplibregl-ctrl-top-right') ||
          node.classList.contains('maplibregl-ctrl-top-left'))
      ),
  });
  const mapHeight = Math.round((map.height / map.width) * inner);

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas to draw the briefing on');
  // Measure first (the height depends on the wrapped heading), then draw.
  context.font = `700 56px ${font}`;
  const titleLines = wrap(context, briefing.title, inner);
  context.font = `400 34px ${font}`;
  const detailLines = briefing.lines.flatMap((line) => wrap(context, line, inner));
  const cardHeight = 176;
  const cardGap = 24;
  const rows = Math.ceil(briefing.figures.length / 2);
  const headingHeight = titleLines.length * 72 + detailLines.length * 48 + 24;
  canvas.width = portraitWidth;
  canvas.height = margin + headingHeight + mapHeight + margin / 2 + rows * (cardHeight + cardGap) + margin;

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = 'top';
  let y = margin;
  context.fillStyle = ink;
  context.font = `700 56px ${font}`;
  for (const line of titleLines) {
    context.fillText(line, margin, y);
    y += 72;
  }
  context.fillStyle = muted;
  context.font = `400 34px ${font}`;
  for (const line of detailLines) {
    context.fillText(line, margin, y);
    y += 48;
  }
  y += 24;
  context.drawImage(map, margin, y, inner, mapHeight);
  context.strokeStyle = '#c5cbd3';
  context.lineWidth = 2;
  context.strokeRect(margin, y, inner, mapHeight);
  y += mapHeight + margin / 2;

  const cardWidth = (inner - cardGap) / 2;
  briefing.figures.forEach((figure, index) => {
    const x = margin + (index % 2) * (cardWidth + cardGap);
    const top = y + Math.floor(index / 2) * (cardHeight + cardGap);
    context.fillStyle = '#f4f6f8';
    context.fillRect(x, top, cardWidth, cardHeight);
    context.fillStyle = muted;
    context.font = `400 30px ${font}`;
    context.fillText(wrap(context, figure.name, cardWidth - 40)[0] ?? '', x + 20, top + 18);
    context.fillStyle = ink;
    context.font = `700 60px ${font}`;
    context.fillText(wrap(context, figure.value, cardWidth - 40)[0] ?? '', x + 20, top + 60);
    context.fillStyle = muted;
    context.font = `400 24px ${font}`;
    context.fillText(wrap(context, figure.detail, cardWidth - 40)[0] ?? '', x + 20, top + 134);
  });

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the briefing could not be drawn'))),
      'image/png',
    ),
  );
}
