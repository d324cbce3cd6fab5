/** The editor's field templates: one labelled control per field, its message right below it. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AdminStrings } from '../../admin/i18n/index.js';
import { getAt, pathKey, splitList, type Doc, type Path } from './editor-model.js';

export interface FieldContext {
  doc: Doc;
  t: AdminStrings;
  /** Warning topic ids and their names in the owner's language (the readers' own catalogue). */
  topics: Record<string, string>;
  errors: Map<string, string>;
  set(path: Path, value: unknown): void;
  touch(path: Path): void;
  upload(path: Path, file: File): void;
  uploading: string | undefined;
  add(path: Path, entry: unknown): void;
  remove(path: Path, index: number): void;
  move(path: Path, index: number, by: number): void;
}

type Kind = 'text' | 'url' | 'number' | 'date' | 'list' | 'textarea';

interface FieldOptions {
  kind?: Kind;
  /** An optional field left empty is removed from the document, not stored as "". */
  optional?: boolean;
  /** For numbers: whole numbers only. */
  step?: string;
  datalist?: string;
  autocomplete?: string;
}

function parse(kind: Kind, raw: string, optional: boolean): unknown {
  if (kind === 'list') return splitList(raw);
  if (kind === 'number') return raw.trim() === '' ? undefined : Number(raw);
  if (kind === 'date') return raw ? raw : optional ? undefined : '';
  return raw === '' && optional ? undefined : raw;
}

function shown(kind: Kind, value: unknown): string {
  if (kind === 'list') return Array.isArray(value) ? value.join(', ') : '';
  if (kind === 'date' && typeof value === 'string') return value.slice(0, 10);
  return value === undefined || value === null ? '' : String(value);
}

export function field(ctx: FieldContext, path: Path, label: string, options: FieldOptions = {}): TemplateResult {
  const kind = options.kind ?? 'text';
  const key = pathKey(path);
  const id = `f-${key}`;
  const error = ctx.errors.get(key);
  const value = shown(kind, getAt(ctx.doc, path));
  const onInput = (e: Event) =>
    ctx.set(path, parse(kind, (e.target as HTMLInputElement).value, options.optional ?? false));
  const common = {
    id,
    invalid: error ? 'true' : 'false',
    describedby: error ? `e-${key}` : undefined,
  };
  const control =
    kind === 'textarea'
      ? html`<textarea id=${common.id} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.describedby)} .value=${live(value)} @input=${onInput} @change=${() => ctx.touch(path)}></textarea>`
      : html`<input
          id=${common.id}
          type=${kind === 'list' ? 'text' : kind}
          step=${ifDefined(kind === 'number' ? (options.step ?? 'any') : undefined)}
          list=${ifDefined(options.datalist)}
          autocomplete=${options.autocomplete ?? 'off'}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedby)}
          .value=${live(value)}
          @input=${onInput}
          @change=${() => ctx.touch(path)}
        />`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${control}
    ${error ? html`<p class="error" id=${`e-${key}`}>${error}</p>` : nothing}
  </div>`;
}

export function select(ctx: FieldContext, path: Path, label: string, choices: Record<string, string>): TemplateResult {
  const key = pathKey(path);
  const current = String(getAt(ctx.doc, path) ?? '');
  const error = ctx.errors.get(key);
  const known = current in choices;
  return html`<div class="field">
    <label for=${`f-${key}`}>${label}</label>
    <select id=${`f-${key}`} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? `e-${key}` : undefined)} @change=${(e: Event) => ctx.set(path, (e.target as HTMLSelectElement).value)}>
      ${known ? nothing : html`<option value=${current} selected>${current}</option>`}
      ${Object.entries(choices).map(([value, name]) => html`<option value=${value} ?selected=${value === current}>${name}</option>`)}
    </select>
    ${error ? html`<p class="error" id=${`e-${key}`}>${error}</p>` : nothing}
  </div>`;
}

export function checkbox(ctx: FieldContext, path: Path, label: string): TemplateResult {
  const key = pathKey(path);
  return html`<div class="check">
    <input type="checkbox" id=${`f-${key}`} .checked=${live(Boolean(getAt(ctx.doc, path)))} @change=${(e: Event) => ctx.set(path, (e.target as HTMLInputElement).checked)} />
    <label for=${`f-${key}`}>${label}</label>
  </div>`;
}

/** An image address with an upload beside it: the uploaded image's address replaces the text. */
export function image(ctx: FieldContext, path: Path, label: string): TemplateResult {
  const key = pathKey(path);
  const busy = ctx.uploading === key;
  return html`<div class="image">
    ${field(ctx, path, label, { kind: 'text', optional: true })}
    <div class="field upload">
      <label for=${`u-${key}`}>${busy ? ctx.t.editor.uploading : ctx.t.editor.upload}</label>
      <input
        id=${`u-${key}`}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        aria-describedby=${`f-${key}`}
        ?disabled=${busy}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) ctx.upload(path, file);
          input.value = '';
        }}
      />
    </div>
  </div>`;
}

/** A list of entries (ratings, credits, cast, warnings), each a group with Remove (and Move for ordered ones). */
export function rows(
  ctx: FieldContext,
  path: Path,
  what: string,
  addLabel: string,
  blank: () => unknown,
  entry: (index: number) => TemplateResult,
  ordered = false,
): TemplateResult {
  const list = (getAt(ctx.doc, path) as unknown[] | undefined) ?? [];
  const e = ctx.t.editor;
  return html`<ol class="rows">
      ${list.map((_, index) => {
        const name = `${what} ${e.item(String(index + 1))}`;
        return html`<li>
          <fieldset>
            <legend>${name}</legend>
            ${entry(index)}
            <div class="row-actions">
              ${
                ordered
                  ? html`<button type="button" class="button link" aria-label=${e.moveUp(name)} ?disabled=${index === 0} @click=${() => ctx.move(path, index, -1)}>↑</button>
                    <button type="button" class="button link" aria-label=${e.moveDown(name)} ?disabled=${index === list.length - 1} @click=${() => ctx.move(path, index, 1)}>↓</button>`
                  : nothing
              }
              <button type="button" class="button link" @click=${() => ctx.remove(path, index)}>${e.remove(name)}</button>
            </div>
          </fieldset>
        </li>`;
      })}
    </ol>
    <button type="button" class="button" data-add=${pathKey(path)} @click=${() => ctx.add(path, blank())}>${addLabel}</button>`;
}
