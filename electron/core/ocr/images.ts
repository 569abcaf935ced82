/**
 * The images text recognition reads: an imported photograph as it is, and the picture on an image-only PDF page.
 *
 * A PDF page is not rendered. pdf.js paints in Node only through @napi-rs/canvas, an optional native addon (npm
 * installed it in this checkout, but an installer would have to unpack and ship its binary for every platform, and
 * npm skips it where no binary exists); Poppler's pdftoppm is not on users' machines; rendering in the renderer's
 * canvas would tie recognition to an open window (no CLI, no tests without a browser). A scanned page is one picture
 * of the page, so the page's largest image is taken from pdf.js's operator list, already decoded to pixels by pdf.js's
 * own JPEG/JBIG2/CCITT/Flate decoders, at the scanner's own resolution (no resampling), and written as a PNM that
 * Tesseract reads directly.
 * Text drawn over the picture, or a picture split into strips, is not combined: such pages are rare among scans.
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';

export type ImageType = 'png' | 'jpeg' | 'tiff';

export const IMAGE_MIME_TYPES: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff' };

/** What kind of image the bytes are, by their signature; null if none of the three. */
export function imageType(bytes: Uint8Array): ImageType | null {
  const at = (i: number) => bytes[i];
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if ((at(0) === 0x49 && at(1) === 0x49 && at(2) === 0x2a && at(3) === 0x00) || (at(0) === 0x4d && at(1) === 0x4d && at(2) === 0x00 && at(3) === 0x2a)) return 'tiff';
  return null;
}

/** A page picture smaller than this (in pixels) is a logo or a stamp, not a scan of the page. */
const MIN_SCAN_PIXELS = 200 * 100;

interface PdfImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 = 1 bit grey (1 = white), 2 = RGB, 3 = RGBA. */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

interface PdfOps {
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintJpegXObject?: number;
}

/** Whether the page draws an image at all (without decoding it): the sign of a scanned page. */
export async function pageHasImage(page: PDFPageProxy, ops: PdfOps): Promise<boolean> {
  const list = await page.getOperatorList();
  return list.fnArray.some((fn) => fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintJpegXObject);
}

/** The page's largest image as a PNM (P4 or P5), or null when the page has no image big enough to be a scan. */
export async function pageImage(page: PDFPageProxy, ops: PdfOps): Promise<Uint8Array | null> {
  const list = await page.getOperatorList();
  let best: PdfImage | null = null;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    let image: PdfImage | null = null;
    if (fn === ops.paintImageXObject || fn === ops.paintJpegXObject) {
      const name = (list.argsArray[i] as unknown[])[0] as string;
      const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
      image = await new Promise<PdfImage | null>((resolve) => {
        try {
          objs.get(name, (value: unknown) => resolve(asImage(value)));
        } catch {
          resolve(null);
        }
      });
    } else if (fn === ops.paintInlineImageXObject) {
      image = asImage((list.argsArray[i] as unknown[])[0]);
    }
    if (image && (!best || image.width * image.height > best.width * best.height)) best = image;
  }
  if (!best || best.width * best.height < MIN_SCAN_PIXELS) return null;
  return toPnm(best);
}

function asImage(value: unknown): PdfImage | null {
  const v = value as Partial<PdfImage> | null;
  if (!v || typeof v.width !== 'number' || typeof v.height !== 'number' || !v.data || ![1, 2, 3].includes(v.kind ?? 0)) return null;
  return v as PdfImage;
}

/** Raw pixels to PNM, the simplest format Leptonica (Tesseract's image library) reads. */
export function toPnm(image: PdfImage): Uint8Array {
  const { width, height, kind, data } = image;
  if (kind === 1) {
    // PBM: 1 = black, the opposite of pdf.js's 1 bpp; rows are padded to whole bytes in both.
    const rowBytes = (width + 7) >> 3;
    const body = Buffer.alloc(rowBytes * height);
    for (let i = 0; i < body.length; i++) body[i] = ~(data[i] ?? 0) & 0xff;
    return Buffer.concat([Buffer.from(`P4\n${width} ${height}\n`), body]);
  }
  // Grey is all Tesseract reads (it binarises the page): one byte per pixel, a third of the memory of RGB.
  const pixels = width * height;
  const step = kind === 3 ? 4 : 3;
  const body = Buffer.alloc(pixels);
  for (let p = 0; p < pixels; p++) {
    const o = p * step;
    body[p] = Math.round(0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!);
  }
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), body]);
}
