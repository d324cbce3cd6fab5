import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../../src/shared/define-element.js';
import { VERSION } from '../../src/shared/version.js';

let n = 0;
const tag = () => `test-define-${n++}`;

function captureWarnings<T>(run: () => T): { result: T; warnings: unknown[][] } {
  const original = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    return { result: run(), warnings };
  } finally {
    console.warn = original;
  }
}

describe('defineElement', () => {
  it('defines a free tag', () => {
    const name = tag();
    class A extends LitElement {}
    defineElement(name, A);
    expect(customElements.get(name)).to.equal(A);
  });

  it('does nothing, quietly, when the same class is defined twice', () => {
    const name = tag();
    class A extends LitElement {}
    const { warnings } = captureWarnings(() => {
      defineElement(name, A);
      defineElement(name, A);
    });
    expect(warnings).to.have.length(0);
    expect(customElements.get(name)).to.equal(A);
  });

  it('stays quiet for another copy of the same version (the bundle loaded twice)', () => {
    const name = tag();
    class A extends LitElement {
      static version = VERSION;
    }
    class B extends LitElement {
      static version = VERSION;
    }
    const { warnings } = captureWarnings(() => {
      defineElement(name, A);
      defineElement(name, B);
    });
    expect(warnings).to.have.length(0);
    expect(customElements.get(name)).to.equal(A);
  });

  it('warns once, never throws, when another version holds the tag', () => {
    const name = tag();
    class Old extends LitElement {
      static version = '0.0.1';
    }
    class New extends LitElement {
      static version = '9.9.9';
    }
    const { warnings } = captureWarnings(() => {
      defineElement(name, Old);
      defineElement(name, New);
      defineElement(name, New);
    });
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('0.0.1').and.contain('9.9.9').and.contain(name);
    expect(customElements.get(name)).to.equal(Old);
  });

  it('turns a define that throws (a constructor already used for another tag) into a warning', () => {
    class A extends LitElement {}
    defineElement(tag(), A);
    const { warnings } = captureWarnings(() => defineElement(tag(), A));
    expect(warnings).to.have.length(1);
  });

  it('takes the registry as a parameter', () => {
    const defined: string[] = [];
    const registry = {
      get: () => undefined,
      define: (name: string) => defined.push(name),
    } as unknown as CustomElementRegistry;
    defineElement('scoped-thing', class extends LitElement {}, registry);
    expect(defined).to.deep.equal(['scoped-thing']);
  });
});
