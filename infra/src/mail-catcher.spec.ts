import { readBounce } from './mail-catcher';

describe('reading a delivery status notification', () => {
  const ours = '<0123456789abcdef0123456789abcdef01234567@seguimiento.prep>';
  it('finds the Message-IDs of ours it returns, and the server’s reason', () => {
    const dsn = [
      'Message-ID: <dsn@mx.example.org>',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 buzón inexistente',
      '--b',
      `Message-ID: ${ours}`,
      `In-Reply-To: ${ours}`,
      '--b--',
    ].join('\r\n');
    expect(readBounce(dsn, '<dsn@mx.example.org>')).toEqual({
      messageIds: [ours],
      reason: 'smtp; 550 5.1.1 buzón inexistente',
    });
  });

  it('without a Diagnostic-Code says the status; a message of no one of ours names none', () => {
    expect(readBounce(`Status: 4.4.7\r\n\r\nMessage-ID: ${ours}`, null)).toEqual({
      messageIds: [ours],
      reason: 'estado 4.4.7',
    });
    expect(readBounce('Subject: hola\r\nMessage-ID: <x@example.org>', null).messageIds).toEqual([]);
  });
});
