/**
 * Runtime validation of every method's input, at the boundary where calls enter the core.
 * Objects are strict: an unknown field is an error, not something silently ignored.
 */
import { z } from 'zod';
import type { ApiInput } from './api';
import type { Method } from './methods';

const MAX_PATH = 4096;

const filePath = z
  .string()
  .min(1, 'A file path is required.')
  .max(MAX_PATH, 'The file path is too long.')
  .refine((p) => !p.includes('\0'), 'The file path contains a NUL character.');

const projectPath = filePath.refine(
  (p) => p.toLowerCase().endsWith('.comparanda'),
  'A Comparanda project file name ends in .comparanda.',
);

const id = z.string().min(1).max(64);
const empty = z.strictObject({});

export const inputSchemas = {
  'app.info': empty,
  'project.current': empty,
  'project.open': z.strictObject({ path: filePath }),
  'project.create': z.strictObject({ path: projectPath, title: z.string().trim().min(1).max(300).optional() }),
  'project.close': empty,
  'project.recent': empty,
  'project.overview': empty,
  'cells.list': z.strictObject({ normId: id.optional() }),
} satisfies { [M in Method]: z.ZodType<ApiInput<M>> };
