import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlight, highlightParts } from './Highlight';

describe('highlightParts', () => {
  it('marks what is inside <em> and joins adjacent marks', () => {
    expect(highlightParts('电感耦合等离子体<em>质</em><em>谱</em>仪')).toEqual([
      { text: '电感耦合等离子体', marked: false },
      { text: '质谱', marked: true },
      { text: '仪', marked: false },
    ]);
  });

  it('keeps any other markup as text', () => {
    expect(highlightParts('<b>x</b><em>y</em>')).toEqual([
      { text: '<b>x</b>', marked: false },
      { text: 'y', marked: true },
    ]);
  });
});

describe('Highlight', () => {
  it('renders <em> as <mark> and never injects other markup', () => {
    const { container } = render(
      <p>
        <Highlight fragment={'<img src=x onerror="alert(1)"><em>质谱</em><script>alert(2)</script>'} />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('em')).toBeNull();
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['质谱']);
    expect(container.textContent).toBe('<img src=x onerror="alert(1)">质谱<script>alert(2)</script>');
  });
});
