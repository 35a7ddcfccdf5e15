// The layer boundaries of DESIGN.md section 2 are enforced by ESLint: prove the rules fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const errorsFor = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);

describe('layer rules', () => {
  it.each([
    ['core/x.ts', "import { z } from 'react';\nexport const a = z;", /core is pure/],
    ['core/x.ts', "import fs from 'node:fs';\nexport const a = fs;", /core is pure/],
    ['core/deep/x.ts', "import { a } from '../../blocks/registry';\nexport const b = a;", /core imports nothing of ours/],
    ['blocks/heading/x.ts', "import { a } from '../../server/trpc';\nexport const b = a;", /blocks import core only/],
    ['blocks/heading/x.ts', "import { create } from 'zustand';\nexport const b = create;", /blocks render purely/],
    ['runtime/x.ts', "import { a } from '../builder/app';\nexport const b = a;", /runtime never imports the builder/],
    ['runtime/x.ts', "import { DndContext } from '@dnd-kit/core';\nexport const b = DndContext;", /runtime stays small/],
    ['runtime/x.ts', "import { adminRouter } from '../server/routers/admin';\nexport const b = adminRouter;", /only types from server/],
    ['builder/x.ts', "import { adminRouter } from '../server/routers/admin';\nexport const b = adminRouter;", /only types from server/],
    ['server/x.ts', "import { a } from '../runtime/portal-app';\nexport const b = a;", /server imports core, blocks and templates only/],
  ])('%s: %s is refused', async (file, code, message) => {
    const errors = await errorsFor(file, code);
    expect(errors.length, `no layer error for ${file}`).toBe(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['builder/x.ts', "import type { AdminRouter } from '../server/routers/admin';\nexport type R = AdminRouter;"],
    ['runtime/x.ts', "import { registry } from '../blocks/registry';\nexport const b = registry;"],
    ['blocks/heading/x.ts', "import { newId } from '../../core/ids';\nexport const b = newId;"],
    ['server/x.ts', "import { registry } from '../blocks/registry';\nexport const b = registry;"],
    ['server/http/x.ts', "import { a } from '../published/routes';\nexport const b = a;"],
  ])('%s: an allowed import passes', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });
});
