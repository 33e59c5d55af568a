import { JSDOM } from 'jsdom';

/**
 * The WFS adapter reads XML with the browser's DOMParser (and OpenLayers' GML reader walks the DOM with `Node`'s
 * constants). Node has neither: the provider tests lend them from jsdom, only those two, so fetch and AbortSignal
 * stay Node's own.
 */
export function installXmlDom(): void {
  const { window } = new JSDOM('');
  Object.assign(globalThis, { DOMParser: window.DOMParser, Node: window.Node });
}
