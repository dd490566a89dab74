// Reading /api/metrics and the worker's metrics in tests with a Prometheus text-format parser
// (parse-prometheus-text-format, a port of the Python client's parser): it throws on any line
// that is not valid exposition text, so parsing is itself a check of the format.
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';

export type { PrometheusFamily };

export function parseMetrics(text: string): PrometheusFamily[] {
  return parsePrometheusTextFormat(text);
}

function labelsMatch(actual: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([name, value]) => actual?.[name] === value);
}

export function family(families: PrometheusFamily[], name: string): PrometheusFamily | undefined {
  return families.find((candidate) => candidate.name === name);
}

/** The sum of the family's samples whose labels include `labels` (0 when none: a counter not moved yet). */
export function sampleValue(families: PrometheusFamily[], name: string, labels: Record<string, string> = {}): number {
  return (family(families, name)?.metrics ?? [])
    .filter((sample) => labelsMatch(sample.labels, labels))
    .reduce((sum, sample) => sum + Number(sample.value ?? sample.count ?? 0), 0);
}

/**
 * The label sets of a histogram's series, read from its `_count` samples: the parser folds a
 * histogram's series into one sample and drops their labels (flattenMetrics in its source), so
 * those lines are parsed again on their own, untyped, where labels are kept.
 */
export function histogramSeries(text: string, name: string): Record<string, string>[] {
  const counts = text
    .split('\n')
    .filter((line) => line.startsWith(`${name}_count{`))
    .join('\n');
  return (parsePrometheusTextFormat(counts)[0]?.metrics ?? []).map((sample) => sample.labels ?? {});
}
