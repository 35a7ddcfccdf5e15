// The theme editor: colours (with readability checks), fonts, corner radius, colour mode, logo and
// favicon, beside a live preview. The theme is part of the versioned document: every change is an
// `updateTheme` edit (undoable, autosaved) and goes live with the next publish.
import { ImageUp, Monitor, Smartphone, TriangleAlert, CircleCheck, X } from 'lucide-react';
import { memo, useId, useRef, useState, type ChangeEvent } from 'react';
import type { Theme } from '../../core';
import { editorStore, useEditor } from '../store/editor-store';
import { toast } from '../ui/toasts';
import { AA_NORMAL_TEXT, contrastRatio, formatRatio, normalizeHex } from './contrast';
import { COLOR_FIELDS, CONTRAST_PAIRS, FONT_STACKS, PALETTES, fontProblem, fontStackIdOf, type ColorKey } from './theme-options';
import { ThemePreview } from './theme-preview';
import { UPLOAD_TYPES, uploadImage } from '../ui/upload-image';
import './shell.css';

type PortalRef = { id: string; name: string; slug: string };

function patchTheme(patch: Partial<Theme>, coalesce?: string): void {
  editorStore.getState().dispatch({ type: 'updateTheme', patch }, coalesce ? { coalesce } : {});
}

export function ThemeEditor({ portal }: { portal: PortalRef }) {
  const theme = useEditor((s) => s.doc?.theme);
  const [width, setWidth] = useState<'desktop' | 'mobile'>('desktop');
  if (!theme) return null;
  return (
    <div className="sh-theme">
      <div className="sh-theme__form">
        <header className="sh-theme__header">
          <h1>Theme</h1>
          <p className="sh-subtitle">Part of the draft: changes save on their own, can be undone, and go live when you publish.</p>
        </header>
        <ColorsPanel colors={theme.colors} mode={theme.mode} />
        <ContrastPanel colors={theme.colors} />
        <TypographyPanel fonts={theme.fonts} />
        <ShapePanel radius={theme.radius} mode={theme.mode} />
        <BrandPanel logo={theme.logo} favicon={theme.favicon} portalId={portal.id} />
      </div>
      <div className="sh-theme__preview">
        <div className="sh-theme__preview-bar">
          <span className="sh-theme__preview-title">Preview</span>
          <div className="sh-segmented" role="group" aria-label="Preview width">
            <button type="button" aria-pressed={width === 'desktop'} onClick={() => setWidth('desktop')}>
              <Monitor aria-hidden="true" /> Desktop
            </button>
            <button type="button" aria-pressed={width === 'mobile'} onClick={() => setWidth('mobile')}>
              <Smartphone aria-hidden="true" /> Mobile
            </button>
          </div>
        </div>
        <div className="sh-theme__preview-scroll">
          <ThemePreview theme={theme} portal={portal} width={width} />
        </div>
      </div>
    </div>
  );
}

function Panel({ title, description, children, actions }: { title: string; description?: string; children: React.ReactNode; actions?: React.ReactNode }) {
  const id = useId();
  return (
    <section className="sh-panel" aria-labelledby={id}>
      <div className="sh-panel__head">
        <div>
          <h2 id={id} className="sh-panel__title">
            {title}
          </h2>
          {description ? <p className="sh-panel__desc">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

const ColorsPanel = memo(function ColorsPanel({ colors, mode }: { colors: Theme['colors']; mode: Theme['mode'] }) {
  const active = PALETTES.find((p) => p.mode === mode && COLOR_FIELDS.every((f) => p.colors[f.key] === colors[f.key]))?.id;
  return (
    <Panel
      title="Colours"
      description="Blocks use only these ten colours, so the whole portal follows them."
      actions={
        <div className="sh-segmented sh-segmented--small" role="group" aria-label="Start from a palette">
          {PALETTES.map((p) => (
            <button key={p.id} type="button" aria-pressed={active === p.id} onClick={() => patchTheme({ colors: p.colors, mode: p.mode })}>
              {p.label}
            </button>
          ))}
        </div>
      }
    >
      <div className="sh-colors">
        {COLOR_FIELDS.map((f) => (
          <ColorRow key={f.key} field={f} colors={colors} />
        ))}
      </div>
    </Panel>
  );
});

/** The failing pairs a colour is the text of, for the warning under its row. */
function failingPairsFor(key: ColorKey, colors: Theme['colors']) {
  return CONTRAST_PAIRS.filter((p) => p.fg === key || p.bg === key)
    .map((p) => ({ ...p, ratio: contrastRatio(colors[p.fg], colors[p.bg]) ?? 21 }))
    .filter((p) => p.ratio < AA_NORMAL_TEXT);
}

function ColorRow({ field, colors }: { field: (typeof COLOR_FIELDS)[number]; colors: Theme['colors'] }) {
  const id = useId();
  const value = colors[field.key];
  // What is typed may be half a colour; the document only ever gets complete ones.
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  const typed = normalizeHex(text);
  const invalid = typed === null;
  const set = (hex: string) => {
    if (hex !== value) patchTheme({ colors: { ...editorStore.getState().doc!.theme.colors, [field.key]: hex } }, `theme.colors.${field.key}`);
  };
  const failing = failingPairsFor(field.key, colors).filter((p) => p.fg === field.key);
  return (
    <div className="sh-color">
      <input
        type="color"
        className="sh-color__swatch"
        value={value}
        aria-label={`${field.label} colour picker`}
        onChange={(e) => {
          setText(e.target.value);
          set(e.target.value);
        }}
      />
      <div className="sh-color__text">
        <label className="sh-color__label" htmlFor={id}>
          {field.label}
        </label>
        <span className="sh-color__help" id={`${id}-help`}>
          {field.help}
        </span>
      </div>
      <input
        id={id}
        className="input mono sh-color__hex"
        value={text}
        maxLength={7}
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ''}${failing.length ? ` ${id}-warn` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          const hex = normalizeHex(e.target.value);
          // Three digits are a prefix of six while typing: wait for the blur to expand them.
          if (hex && e.target.value.replace('#', '').length === 6) set(hex);
        }}
        onBlur={() => {
          if (typed) {
            setText(typed);
            set(typed);
          }
        }}
      />
      {invalid ? (
        <span id={`${id}-error`} className="field__error sh-color__msg">
          Use a hex colour like #2457d6.
        </span>
      ) : null}
      {failing.length ? (
        <span id={`${id}-warn`} className="sh-color__msg sh-warn-text">
          <TriangleAlert aria-hidden="true" />
          {failing.map((p) => `${formatRatio(p.ratio)} on ${labelOf(p.bg).toLowerCase()}`).join(', ')}: below {AA_NORMAL_TEXT}:1, hard to read
        </span>
      ) : null}
    </div>
  );
}

const labelOf = (key: ColorKey) => COLOR_FIELDS.find((f) => f.key === key)?.label ?? key;

const ContrastPanel = memo(function ContrastPanel({ colors }: { colors: Theme['colors'] }) {
  const rows = CONTRAST_PAIRS.map((p) => ({ ...p, ratio: contrastRatio(colors[p.fg], colors[p.bg]) ?? 21 }));
  const failing = rows.filter((r) => r.ratio < AA_NORMAL_TEXT).length;
  return (
    <Panel title="Readability" description={`Text needs a contrast of at least ${AA_NORMAL_TEXT}:1 with what is behind it (WCAG AA).`}>
      <ul className="sh-contrast" aria-live="polite">
        {rows.map((r) => {
          const ok = r.ratio >= AA_NORMAL_TEXT;
          return (
            <li key={r.label} className={`sh-contrast__row${ok ? '' : ' sh-contrast__row--fail'}`}>
              <span className="sh-contrast__sample" style={{ color: colors[r.fg], background: colors[r.bg] }} aria-hidden="true">
                Aa
              </span>
              <span className="sh-contrast__label">{r.label}</span>
              <span className="sh-contrast__ratio">{formatRatio(r.ratio)}</span>
              {ok ? (
                <span className="sh-contrast__verdict sh-contrast__verdict--ok">
                  <CircleCheck aria-hidden="true" /> Passes
                </span>
              ) : (
                <span className="sh-contrast__verdict sh-contrast__verdict--fail">
                  <TriangleAlert aria-hidden="true" /> Too low
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {failing ? <p className="visually-hidden">{failing === 1 ? 'One colour pair is' : `${failing} colour pairs are`} below the recommended contrast.</p> : null}
    </Panel>
  );
});

const TypographyPanel = memo(function TypographyPanel({ fonts }: { fonts: Theme['fonts'] }) {
  const set = (key: keyof Theme['fonts'], value: string, coalesce?: string) => patchTheme({ fonts: { ...editorStore.getState().doc!.theme.fonts, [key]: value } }, coalesce);
  return (
    <Panel title="Typography" description="Font stacks installed on most devices: nothing to download, fast everywhere.">
      <FontField label="Body text" value={fonts.body} onChange={(v, c) => set('body', v, c)} coalesceKey="theme.fonts.body" />
      <FontField label="Headings" value={fonts.heading} onChange={(v, c) => set('heading', v, c)} coalesceKey="theme.fonts.heading" />
    </Panel>
  );
});

function FontField({ label, value, onChange, coalesceKey }: { label: string; value: string; onChange: (v: string, coalesce?: string) => void; coalesceKey: string }) {
  const id = useId();
  const stackId = fontStackIdOf(value);
  const [custom, setCustom] = useState(stackId === undefined);
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
    if (fontStackIdOf(value) === undefined) setCustom(true);
  }
  const problem = custom ? fontProblem(text) : null;
  return (
    <div className="field sh-font">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={custom ? 'custom' : (stackId ?? 'custom')}
        onChange={(e) => {
          if (e.target.value === 'custom') {
            setCustom(true);
            return;
          }
          setCustom(false);
          const stack = FONT_STACKS.find((f) => f.id === e.target.value)!.stack;
          onChange(stack);
        }}
      >
        {FONT_STACKS.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}
          </option>
        ))}
        <option value="custom">Custom font stack…</option>
      </select>
      {custom ? (
        <>
          <label className="visually-hidden" htmlFor={`${id}-custom`}>
            {label}: custom font stack
          </label>
          <input
            id={`${id}-custom`}
            className="input mono"
            value={text}
            placeholder='"Source Sans 3", Arial, sans-serif'
            maxLength={200}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-custom-help`}
            onChange={(e) => {
              setText(e.target.value);
              if (!fontProblem(e.target.value)) onChange(e.target.value, coalesceKey);
            }}
          />
          <span id={`${id}-custom-help`} className={problem ? 'field__error' : 'field__help'}>
            {problem ?? 'Comma-separated families, most wanted first, ending with a generic one (sans-serif, serif). Only fonts installed on the visitor’s device are used.'}
          </span>
        </>
      ) : null}
      <span className="sh-font__sample" style={{ fontFamily: value }} aria-hidden="true">
        The quick brown fox jumps over the lazy dog · 0123456789
      </span>
    </div>
  );
}

const ShapePanel = memo(function ShapePanel({ radius, mode }: { radius: number; mode: Theme['mode'] }) {
  const id = useId();
  return (
    <Panel title="Shape and mode">
      <div className="field">
        <div className="sh-range-head">
          <label className="field__label" htmlFor={id}>
            Corner radius
          </label>
          <output htmlFor={id} className="sh-range-value">
            {radius} px
          </output>
        </div>
        <div className="sh-range">
          <span className="sh-range__demo" style={{ borderRadius: Math.min(radius, 16) }} aria-hidden="true" />
          <input id={id} type="range" min={0} max={32} step={1} value={radius} onChange={(e) => patchTheme({ radius: Number(e.target.value) }, 'theme.radius')} />
        </div>
        <span className="field__help">Buttons, cards, inputs and images. 0 is square.</span>
      </div>
      <fieldset className="sh-fieldset">
        <legend className="field__label">Colour mode</legend>
        <div className="sh-segmented">
          {(
            [
              ['light', 'Light'],
              ['dark', 'Dark'],
              ['auto', 'Follow the device'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="sh-segmented__radio">
              <input type="radio" name={`${id}-mode`} value={value} checked={mode === value} onChange={() => patchTheme({ mode: value })} />
              <span>{label}</span>
            </label>
          ))}
        </div>
        <span className="field__help">Tells browsers whether form controls and scroll bars should be light or dark. Pick colours to match, or start from the Dark palette above.</span>
      </fieldset>
    </Panel>
  );
});

const BrandPanel = memo(function BrandPanel({ logo, favicon, portalId }: { logo: string | undefined; favicon: string | undefined; portalId: string }) {
  return (
    <Panel title="Brand" description="PNG, JPEG, GIF, WebP or AVIF, up to 5 MB.">
      <ImageField label="Logo" help="Shown in the portal’s header, 32 px high." value={logo} portalId={portalId} onChange={(url) => patchTheme({ logo: url })} />
      <ImageField label="Favicon" help="The browser tab icon; square works best. Without one, a letter in your primary colour." value={favicon} portalId={portalId} onChange={(url) => patchTheme({ favicon: url })} />
    </Panel>
  );
});

function ImageField({ label, help, value, portalId, onChange }: { label: string; help: string; value: string | undefined; portalId: string; onChange: (url: string | undefined) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const asset = await uploadImage(file, portalId);
      onChange(asset.url);
      toast(`${label} uploaded`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The upload failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sh-image-field" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-help`}>
      <div className="sh-image-field__thumb">{value ? <img src={value} alt={`Current ${label.toLowerCase()}`} /> : <span className="muted">None</span>}</div>
      <div className="sh-image-field__body">
        <span id={`${id}-label`} className="field__label">
          {label}
        </span>
        <span id={`${id}-help`} className="field__help">
          {help}
        </span>
        <div className="sh-image-field__actions">
          <input ref={input} type="file" accept={UPLOAD_TYPES.join(',')} className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={onFile} />
          <button type="button" className="btn btn--small" onClick={() => input.current?.click()} disabled={busy}>
            <ImageUp aria-hidden="true" />
            {busy ? 'Uploading…' : value ? `Replace ${label.toLowerCase()}` : `Upload ${label.toLowerCase()}`}
          </button>
          {value ? (
            <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(undefined)}>
              <X aria-hidden="true" />
              Remove
            </button>
          ) : null}
        </div>
        {error ? (
          <span className="field__error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
}
