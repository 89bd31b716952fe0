import { sendScan } from '@src/messaging/client';
import { rangeFor } from './anchor';
import { createPainter, type Painted } from './highlight';
import { markScanned, scanDocument } from './scan';

export async function runContentScript(doc: Document = document): Promise<void> {
  try {
    const { page, response } = await scanDocument(doc, sendScan);
    const painted: Painted[] = [];
    for (const a of response.allegations) {
      const range = rangeFor(doc, page, a.start, a.end);
      if (range !== null) painted.push({ range, stance: a.stance });
    }
    if (painted.length > 0) createPainter(doc).paint(painted);
    markScanned(doc, response.allegations.length);
  } catch (error) {
    console.warn('[counterpoint] scan failed', error);
  }
}
