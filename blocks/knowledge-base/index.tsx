// Knowledge base: help articles. Mode "list": published articles with a search box and category
// chips, each linking to the article page. Mode "article" (a page with :id): one published article,
// its body shown as plain-text paragraphs (the body is untrusted text: never HTML). Only published
// articles ever leave the server: the block's data request always filters on published = true,
// whatever the block is configured to show.
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { typeKeySchema, type BlockQuery, type Filter, type ListResult, type RecordRow } from '../../core';
import { BuilderSample, EmptyState, StatusBadge } from '../_lib/data-kit';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { isPortalPath } from '../_lib/safe-href';

/** Applied to every request of this block, in SQL: unpublished articles are never read. */
export const PUBLISHED: Filter = { field: 'published', op: 'eq', value: true };
export const LIST_FIELDS = ['title', 'summary', 'category'] as const;
export const ARTICLE_FIELDS = ['title', 'summary', 'body', 'category'] as const;

const portalPath = (help: string) =>
  z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === '' || isPortalPath(v), 'a portal page like /help/:id')
    .meta({ widget: 'page-link', help });

export const knowledgeBaseProps = z
  .object({
    mode: z.enum(['list', 'article']).default('list').meta({ label: 'Shows', help: '"list": published articles with search and categories. "article": the article of a page like /help/:id.' }),
    heading: z.string().trim().max(120).default('Help & answers').meta({ label: 'Heading', help: 'List mode; in article mode the article’s title is the heading.' }),
    intro: z.string().trim().max(300).default('Find answers about bills, meters, tariffs and moving home.').meta({ widget: 'textarea', label: 'Introduction' }),
    entityType: typeKeySchema.default('article').meta({ widget: 'entity-type', label: 'Article type', help: 'Needs the fields title, summary, body, category and published.' }),
    articlePath: portalPath('List mode: where an article opens; :id is replaced by the article.').default('/help/:id').meta({ label: 'Article page' }),
    listPath: portalPath('Article mode: the “All articles” link back to the list.').default('/help').meta({ label: 'List page' }),
    param: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a route parameter name like id').default('id').meta({ label: 'Route parameter', help: 'Article mode: the parameter of the page’s path that names the article.' }),
    pageSize: z.number().int().min(1).max(50).default(12).meta({ label: 'Articles per page' }),
    showSearch: z.boolean().default(true).meta({ label: 'Show search' }),
    showCategories: z.boolean().default(true).meta({ label: 'Show category filters' }),
  })
  .strict();
export type KnowledgeBaseProps = z.output<typeof knowledgeBaseProps>;

/** Plain-text paragraphs: split on blank lines; line breaks inside a paragraph are kept by CSS. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const text = (row: RecordRow, key: string): string => (typeof row.data[key] === 'string' ? (row.data[key] as string) : '');

function articleHref(props: KnowledgeBaseProps, ctx: RenderContext, id: string): string | null {
  const token = `:${props.param}`;
  return props.articlePath.includes(token) ? ctx.href(props.articlePath.replace(token, encodeURIComponent(id))) : null;
}

function ArticleList({ id, props, data, ctx }: RenderProps<KnowledgeBaseProps> & { data: ListResult }) {
  const uid = useId();
  const [view, setView] = useState<ListResult | null>(null);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const shown = view ?? data;
  const categoryField = data.fields.find((f) => f.key === 'category');
  const options = props.showCategories && categoryField?.type === 'enum' ? (categoryField.options ?? []) : [];
  const labelOf = (value: unknown) => options.find((o) => o.value === value)?.label ?? categoryField?.options?.find((o) => o.value === value)?.label ?? String(value ?? '');

  const load = async (next: { search: string; category: string }, cursor?: string) => {
    if (!ctx.loadData) return;
    const query: BlockQuery = {
      ...(next.search.trim() && props.showSearch ? { search: next.search.trim() } : {}),
      ...(next.category ? { filters: [{ field: 'category', op: 'eq', value: next.category }] } : {}),
      ...(cursor ? { cursor } : {}),
    };
    setBusy(true);
    setProblem('');
    try {
      const result = (await ctx.loadData(id, query)) as ListResult;
      setView(cursor ? { ...result, items: [...shown.items, ...result.items] } : result);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'The articles could not be loaded.');
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load({ search, category });
  };
  const choose = (value: string) => {
    setCategory(value);
    void load({ search, category: value });
  };
  const filtered = view !== null && (search.trim() !== '' || category !== '');
  const count = shown.items.length;

  return (
    <section className="pb-kb" aria-labelledby={`${uid}-h`}>
      <div className="pb-kb__intro">
        <h2 className="pb-kb__title" id={`${uid}-h`}>
          {props.heading || 'Help & answers'}
        </h2>
        {props.intro ? <p className="pb-kb__lead">{props.intro}</p> : null}
      </div>
      {props.showSearch ? (
        <form className="pb-kb__search" role="search" onSubmit={submit}>
          <label className="pb-sr-only" htmlFor={`${uid}-q`}>
            Search the help articles
          </label>
          <input id={`${uid}-q`} className="pd-input pb-kb__search-input" type="search" placeholder="Search, e.g. “meter reading”" maxLength={200} value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit" className="pb-btn pb-btn--primary" disabled={busy}>
            Search
          </button>
        </form>
      ) : null}
      {options.length ? (
        <div className="pb-kb__chips" role="group" aria-label="Filter by category">
          <button type="button" className="pb-kb__chip" aria-pressed={category === ''} onClick={() => choose('')} disabled={busy}>
            All topics
          </button>
          {options.map((o) => (
            <button key={o.value} type="button" className="pb-kb__chip" aria-pressed={category === o.value} onClick={() => choose(o.value)} disabled={busy}>
              {o.label}
            </button>
          ))}
        </div>
      ) : null}
      <p className="pb-sr-only" role="status">
        {view === null ? '' : busy ? 'Loading articles…' : `${count} ${count === 1 ? 'article' : 'articles'} found`}
      </p>
      {problem ? (
        <p className="pd-message pd-message--error" role="alert">
          {problem}
        </p>
      ) : null}
      {count === 0 ? (
        <EmptyState>{filtered ? 'No articles match. Try other words or another topic.' : 'There are no help articles yet.'}</EmptyState>
      ) : (
        <ul className="pb-kb__list" aria-busy={busy || undefined}>
          {shown.items.map((row) => {
            const href = articleHref(props, ctx, row.id);
            const title = text(row, 'title') || row.title || 'Untitled article';
            const summary = text(row, 'summary');
            return (
              <li key={row.id} className="pb-kb__item">
                {row.data.category ? <StatusBadge value="category" label={labelOf(row.data.category)} /> : null}
                <h3 className="pb-kb__item-title">{href ? <a href={href}>{title}</a> : title}</h3>
                {summary ? <p className="pb-kb__summary">{summary}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      {shown.nextCursor ? (
        <div className="pb-kb__more">
          <button type="button" className="pb-btn pb-btn--secondary" disabled={busy} onClick={() => void load({ search, category }, shown.nextCursor ?? undefined)}>
            {busy ? 'Loading…' : 'More articles'}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function Article({ props, data, ctx }: RenderProps<KnowledgeBaseProps> & { data: ListResult }) {
  const row = data.items[0];
  const back = props.listPath ? (
    <p className="pb-kb__back">
      <a href={ctx.href(props.listPath)}>← All articles</a>
    </p>
  ) : null;
  if (!row) {
    return (
      <div className="pb-kb pb-kb--article">
        <EmptyState>This article is not available. It may have been moved or withdrawn.</EmptyState>
        {back}
      </div>
    );
  }
  const category = data.fields.find((f) => f.key === 'category');
  const categoryLabel = row.data.category ? (category?.options?.find((o) => o.value === row.data.category)?.label ?? String(row.data.category)) : '';
  const summary = text(row, 'summary');
  return (
    <article className="pb-kb pb-kb--article">
      {back}
      {categoryLabel ? <StatusBadge value="category" label={categoryLabel} /> : null}
      <h2 className="pb-kb__article-title">{text(row, 'title') || row.title}</h2>
      {summary ? <p className="pb-kb__article-summary">{summary}</p> : null}
      <div className="pb-kb__body">
        {paragraphsOf(text(row, 'body')).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </article>
  );
}

function KnowledgeBase(p: RenderProps<KnowledgeBaseProps>) {
  const { props, ctx } = p;
  if (ctx.mode === 'builder' || p.data === undefined) {
    return (
      <div className="pb-kb">
        {props.mode === 'list' ? (
          <BuilderSample title={props.heading || 'Help & answers'}>
            Lists the published “{props.entityType}” articles{props.showSearch ? ', with a search box' : ''}
            {props.showCategories ? ' and category filters' : ''}; each opens at {props.articlePath || 'no page'}. Unpublished articles are never shown.
          </BuilderSample>
        ) : (
          <BuilderSample title="Help article">
            Shows the published article of this page (:{props.param}): title, category, summary and text. Put it on a page like /help/:{props.param}.
          </BuilderSample>
        )}
      </div>
    );
  }
  const data = p.data as ListResult | { kind: 'error'; message: string } | null;
  if (!data) return <div className="pb-kb"><EmptyState>Sign in to read the help articles.</EmptyState></div>;
  if (data.kind === 'error') return <div className="pb-kb"><EmptyState>{data.message}</EmptyState></div>;
  return props.mode === 'list' ? <ArticleList {...p} data={data} /> : <Article {...p} data={data} />;
}

export const knowledgeBase = defineBlock({
  type: 'knowledge-base',
  label: 'Knowledge base',
  description: 'Published help articles with search and categories, or one article.',
  category: 'self-service',
  icon: 'book-open',
  props: knowledgeBaseProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) =>
    p.mode === 'list'
      ? { kind: 'list', entityType: p.entityType, fields: [...LIST_FIELDS], limit: p.pageSize, sort: [{ field: 'title', dir: 'asc' }], filters: [PUBLISHED], search: p.showSearch }
      : // One article by the page's id, published only: `related` on the id keeps just that record.
        { kind: 'list', entityType: p.entityType, fields: [...ARTICLE_FIELDS], limit: 1, filters: [PUBLISHED], related: { field: 'id', param: p.param } },
  Render: KnowledgeBase,
});
