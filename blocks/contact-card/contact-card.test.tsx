// Contact card: mailto:/tel: links, initials without a photo, alt text with one.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { contactCard, initialsOf } from '.';

const render = (input: unknown) =>
  renderToString(<contactCard.Render id="b1" props={contactCard.props.parse(input)} slots={{}} ctx={testContext()} />);

describe('contact card', () => {
  it('links email and phone', () => {
    const html = render({ email: 'maria@acme.example', phone: '+49 30 1234-567' });
    expect(html).toContain('href="mailto:maria@acme.example"');
    expect(html).toContain('href="tel:+49301234-567"');
    expect(html).toContain('+49 30 1234-567');
  });

  it('validates email and phone, allowing them empty', () => {
    expect(contactCard.props.safeParse({ email: 'not-an-email' }).success).toBe(false);
    expect(contactCard.props.safeParse({ phone: 'call me' }).success).toBe(false);
    const html = render({ email: '', phone: '' });
    expect(html).not.toContain('mailto:');
    expect(html).not.toContain('tel:');
  });

  it('needs alt text for a photo', () => {
    expect(contactCard.props.safeParse({ photoSrc: '/uploads/maria.jpg' }).success).toBe(false);
    const html = render({ photoSrc: '/uploads/maria.jpg', photoAlt: 'Portrait of Maria Lopez' });
    expect(html).toContain('alt="Portrait of Maria Lopez"');
  });

  it('shows address lines and initials', () => {
    const html = render({ name: 'Maria Lopez', addressLines: ['Acme Energy', '1 Grid Street', ''] });
    expect(html).toContain('1 Grid Street');
    expect(html).toContain('>ML<');
  });

  it('makes initials from the first and last word', () => {
    expect(initialsOf('Maria de la Cruz')).toBe('MC');
    expect(initialsOf('  support ')).toBe('S');
    expect(initialsOf('Élodie Ørsted')).toBe('ÉØ');
    expect(initialsOf('24/7 Team')).toBe('T');
    expect(initialsOf('')).toBe('');
  });
});
