import { parseMetrics, sampleValue, type PrometheusFamily } from '../../scripts/test/prometheus-text';
import { E2E_BASE_URL, E2E_PORTS } from './ports';

// The metrics of the e2e shop: the app's /api/metrics and the worker's own endpoint, read with the
// token playwright.config.ts gives both, and parsed with a Prometheus text-format parser.

export const E2E_METRICS_TOKEN = 'e2e-metrics-token-0123456789-abcdefghijkl';

export const APP_METRICS_URL = `${E2E_BASE_URL}/api/metrics`;
export const WORKER_METRICS_URL = `http://127.0.0.1:${E2E_PORTS.workerMetrics}/metrics`;

export const BEARER = { authorization: `Bearer ${E2E_METRICS_TOKEN}` };

export async function scrape(url: string): Promise<PrometheusFamily[]> {
  const response = await fetch(url, { headers: BEARER });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return parseMetrics(await response.text());
}

export async function metricValue(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  return sampleValue(await scrape(url), name, labels);
}
