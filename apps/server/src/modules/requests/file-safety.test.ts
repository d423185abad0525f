import { describe, expect, it } from 'vitest';
import { sniff, stripJpeg, stripPng, stripWebp } from './file-safety.js';

const seg = (marker: number, payload: string) => {
  const p = Buffer.from(payload, 'latin1');
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(p.length + 2, 2);
  return Buffer.concat([h, p]);
};
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, 'JFIF\0'), seg(0xe1, 'Exif\0\0GPS 27.8N 113.1E'), seg(0xfe, 'comment'), seg(0xdb, 'QT'), Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9])]);

function pngChunk(type: string, data: string) {
  const d = Buffer.from(data, 'latin1');
  const h = Buffer.alloc(8);
  h.writeUInt32BE(d.length, 0);
  h.write(type, 4, 'latin1');
  return Buffer.concat([h, d, Buffer.alloc(4)]);
}
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', 'x'.repeat(13)), pngChunk('tEXt', 'Author\0Wu'), pngChunk('eXIf', 'gps'), pngChunk('IDAT', 'pixels'), pngChunk('IEND', '')]);

describe('file safety', () => {
  it('sniffs by content, not by name', () => {
    expect(sniff(jpeg)).toBe('image/jpeg');
    expect(sniff(png)).toBe('image/png');
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniff(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(sniff(Buffer.from('MZ\x90\x00'))).toBeNull();
  });
  it('removes EXIF (GPS) and comments from JPEG, keeping the image data', () => {
    const out = stripJpeg(jpeg);
    expect(out.toString('latin1')).not.toContain('GPS');
    expect(out.toString('latin1')).not.toContain('comment');
    expect(out.toString('latin1')).toContain('JFIF');
    expect(out.subarray(-9)).toEqual(Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]));
  });
  it('removes text and EXIF chunks from PNG', () => {
    const out = stripPng(png).toString('latin1');
    expect(out).not.toContain('Author');
    expect(out).not.toContain('eXIf');
    expect(out).toContain('IDAT');
  });
  it('removes EXIF from WebP and fixes the RIFF size', () => {
    const chunk = (type: string, data: string) => {
      const d = Buffer.from(data, 'latin1');
      const h = Buffer.alloc(8);
      h.write(type, 0, 'latin1');
      h.writeUInt32LE(d.length, 4);
      return Buffer.concat([h, d, d.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const body = Buffer.concat([chunk('VP8X', '\x08\0\0\0\0\0\0\0\0\0'), chunk('VP8 ', 'frame'), chunk('EXIF', 'gps!')]);
    const head = Buffer.alloc(12);
    head.write('RIFF', 0, 'latin1');
    head.writeUInt32LE(body.length + 4, 4);
    head.write('WEBP', 8, 'latin1');
    const out = stripWebp(Buffer.concat([head, body]));
    expect(out.toString('latin1')).not.toContain('gps!');
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out[20]! & 0x08).toBe(0);
  });
  it('refuses truncated files', () => {
    expect(() => stripJpeg(jpeg.subarray(0, 20))).toThrow();
    expect(() => stripPng(png.subarray(0, 30))).toThrow();
  });
});
