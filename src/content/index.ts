import { sendScan } from '@src/messaging/client';
import { markScanned, scanDocument } from './scan';

export async function runContentScript(doc: Document = document): Promise<void> {
  try {
    const { response } = await scanDocument(doc, sendScan);
    markScanned(doc, response.allegations.length);
  } catch (error) {
    console.warn('[counterpoint] scan failed', error);
  }
}
