// Callout: a note (not a live region) whose tone is spoken, not only coloured.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { alert } from '.';

const render = (input: unknown) => renderToString(<alert.Render id="b1" props={alert.props.parse(input)} slots={{}} ctx={testContext()} />);

describe('alert', () => {
  it.each(['info', 'success', 'warning', 'danger'] as const)('renders the %s tone as a note', (tone) => {
    const html = render({ tone });
    expect(html).toContain('role="note"');
    expect(html).not.toContain('role="alert"');
    expect(html).toContain(`pb-alert--${tone}`);
  });

  it('names the tone for screen readers, with or without a title', () => {
    expect(render({ tone: 'warning', title: 'Maintenance' })).toMatch(/Warning: <\/span>Maintenance/);
    expect(render({ tone: 'danger', title: '' })).toContain('Important: ');
  });
});
