import { describe, expect, it } from 'vitest';
import { createEventStreamParser } from './eventStream';

describe('createEventStreamParser', () => {
  it('assembles events across chunks and skips comments and retry', () => {
    const parser = createEventStreamParser();
    expect(parser.push(': connected\nretry: 3000\n\nevent: notifi')).toEqual([]);
    expect(
      parser.push('cation\nid: 17\ndata: {"a":1}\n\n: ping\n\nevent: read_all\r\ndata: x\r\ndata: y\r\n\r\n'),
    ).toEqual([
      { event: 'notification', id: '17', data: '{"a":1}' },
      { event: 'read_all', id: null, data: 'x\ny' },
    ]);
  });

  it('names an event without `event:` a message, and ignores one without data', () => {
    const parser = createEventStreamParser();
    expect(parser.push('event: empty\n\ndata:plain\n\n')).toEqual([{ event: 'message', id: null, data: 'plain' }]);
  });
});
