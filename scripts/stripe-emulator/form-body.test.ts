import { describe, expect, it } from 'vitest';
import { parseFormBody, splitKey } from './form-body';
import { parseParams } from './params';
import { CreateSessionParams } from './sessions';

describe('form body', () => {
  it('decodes bracket notation into nested keys', () => {
    const body =
      'line_items[0][price_data][unit_amount]=2900&line_items[0][quantity]=2&metadata[orderId]=o%2042&expand[]=a&expand[]=b';
    expect(parseFormBody(body)).toEqual({
      line_items: { '0': { price_data: { unit_amount: '2900' }, quantity: '2' } },
      metadata: { orderId: 'o 42' },
      expand: { '0': 'a', '1': 'b' },
    });
    expect(splitKey('a[b][0]')).toEqual(['a', 'b', '0']);
    expect(() => splitKey('a[b')).toThrow(/Invalid parameter name/);
  });

  it('refuses a key used both as a value and a hash', () => {
    expect(() => parseFormBody('metadata=x&metadata[a]=b')).toThrow(/Invalid hash/);
  });

  it('types values and reports the bracketed path of the first problem', () => {
    const base =
      'mode=payment&success_url=https%3A%2F%2Fx.fr&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur&line_items[0][price_data][product_data][name]=Livre';
    const parsed = parseParams(
      CreateSessionParams,
      parseFormBody(`${base}&line_items[0][price_data][unit_amount]=2900`),
    );
    expect(parsed.line_items[0]?.price_data?.unit_amount).toBe(2900);
    expect(() =>
      parseParams(CreateSessionParams, parseFormBody(`${base}&line_items[0][price_data][unit_amount]=29.00`)),
    ).toThrow(
      expect.objectContaining({ code: 'parameter_invalid_integer', param: 'line_items[0][price_data][unit_amount]' }),
    );
    expect(() =>
      parseParams(CreateSessionParams, parseFormBody(`${base}&line_items[0][price_data][product_data][isbn]=1`)),
    ).toThrow(
      expect.objectContaining({ code: 'parameter_unknown', param: 'line_items[0][price_data][product_data][isbn]' }),
    );
    expect(() => parseParams(CreateSessionParams, parseFormBody(`${base}&customer_email=`))).toThrow(
      expect.objectContaining({ code: 'parameter_invalid_empty', param: 'customer_email' }),
    );
  });
});
