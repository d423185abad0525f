/**
 * Open311 GeoReport v2 wire formats. XML is the spec's required format, JSON the Spark-convention
 * mapping of it: a list element (`services`, `service_requests`, `errors`, `attributes`, `values`,
 * `endpoints`, `formats`) becomes a JSON array of its children, every other element a key.
 */
import type { FastifyReply } from 'fastify';

export type Format = 'json' | 'xml';

/** A value as it appears in both formats; `undefined` = element omitted, `null` = empty element / JSON null. */
export type Value = string | number | boolean | null | undefined | Obj | List;
export type Obj = { [key: string]: Value };
/** A list renders as `<name><item/>…</name>` in XML and as a plain array in JSON. */
export class List {
  constructor(
    readonly item: string,
    readonly items: Value[],
  ) {}
}
export const list = (item: string, items: Value[]) => new List(item, items);

const escapeXml = (s: string) =>
  s
    // Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

function xmlOf(name: string, v: Value, indent: string): string {
  if (v === undefined) return '';
  if (v === null || v === '') return `${indent}<${name}/>\n`;
  if (v instanceof List) {
    if (!v.items.length) return `${indent}<${name}/>\n`;
    return `${indent}<${name}>\n${v.items.map((x) => xmlOf(v.item, x, indent + '  ')).join('')}${indent}</${name}>\n`;
  }
  if (typeof v === 'object') {
    const inner = Object.entries(v)
      .map(([k, x]) => xmlOf(k, x, indent + '  '))
      .join('');
    return inner ? `${indent}<${name}>\n${inner}${indent}</${name}>\n` : `${indent}<${name}/>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(v))}</${name}>\n`;
}

function jsonOf(v: Value): unknown {
  if (v instanceof List) return v.items.map(jsonOf);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = jsonOf(x);
    return out;
  }
  return v;
}

export function render(format: Format, root: string, body: Value): string {
  if (format === 'json') return JSON.stringify(jsonOf(body));
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlOf(root, body, '')}`;
}

export function send(reply: FastifyReply, format: Format, root: string, body: Value, status = 200) {
  return reply
    .status(status)
    .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
    .send(render(format, root, body));
}

/** `services.json` → ['services', 'json']; a name without a known extension → null. */
export function splitFormat(file: string): [string, Format] | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1]!, m[2] as Format] : null;
}

/** The format an error should use: the extension of the URL path, XML (the spec's required format) otherwise. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}
