import type { LayerKind } from '../../../domain/runtime-config';
import { DataError } from '../../data-error';
import { describeUrl, type HttpSource } from '../../http';
import { fetchOk } from '../../http';

/**
 * WFS speaks XML: capabilities, schemas, GML and its exception reports. Read with the browser's own DOMParser
 * (the elements the adapter needs are found by local name, so WFS 1.1 and 2.0 namespaces both work); the GML
 * geometry itself is left to OpenLayers (wfs-features.ts).
 */
export interface WfsAnswer {
  text: string;
  contentType: string;
}

export async function fetchWfs(source: HttpSource, accept: string): Promise<WfsAnswer> {
  const response = await fetchOk(source, accept);
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  // A proxy's login page answers 200 too; its content type gives it away.
  if (/^\s*text\/html/i.test(contentType) || /^\s*<!doctype html/i.test(text))
    throw new DataError(source.layer, 'format', `${describeUrl(source.url)} returned an HTML page, not WFS`);
  if (text.trim() === '')
    throw new DataError(source.layer, 'format', `empty response from ${describeUrl(source.url)}`);
  return { text, contentType };
}

export function parseXml(layer: LayerKind, url: string, text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0)
    throw new DataError(layer, 'format', `${describeUrl(url)} returned malformed XML`);
  const root = document.documentElement;
  if (/ExceptionReport|ServiceExceptionReport/.test(root.localName)) {
    const reason = textOf(root, 'ExceptionText') ?? textOf(root, 'ServiceException') ?? 'an exception';
    throw new DataError(layer, 'format', `the WFS server answered: ${reason.trim().slice(0, 200)}`);
  }
  return document;
}

/** Child elements (any depth) with this local name, whatever their namespace. */
export function elementsNamed(parent: Element | Document, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS('*', localName));
}

/** Direct children with this local name. */
export function childrenNamed(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((child) => child.localName === localName);
}

export function textOf(parent: Element | Document, localName: string): string | undefined {
  const text = elementsNamed(parent, localName)[0]?.textContent.trim();
  return text === undefined || text === '' ? undefined : text;
}
