/**
 * What the side panel and the training pages ask of the background, as one small interface so
 * components take it as a prop and tests pass a fake instead of a browser.
 */
import type { Finding } from '../core/types';
import { send } from '../ui/send-message';

export interface CheckResult {
  findings: Finding[];
  packVersion: string;
}

export interface PackInfo {
  version: string;
  facts: number;
}

export interface CheckClient {
  /** Checks free text; offsets in the findings are into `text`. Throws a readable Error. */
  checkText(text: string, pageDate?: string): Promise<CheckResult>;
  getPackInfo(): Promise<PackInfo>;
}

export const backgroundClient: CheckClient = {
  async checkText(text, pageDate) {
    const reply = await send('check-text', pageDate ? { text, pageDate } : { text });
    return { findings: Array.isArray(reply.findings) ? reply.findings : [], packVersion: reply.packVersion ?? '' };
  },
  async getPackInfo() {
    const reply = await send('get-pack-info', {});
    return { version: reply.version, facts: reply.facts };
  },
};
