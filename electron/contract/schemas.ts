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
const ids = z.array(id).max(10_000);
const empty = z.strictObject({});
const label = z.string().trim().min(1, 'A name is required.').max(300, 'Keep names under 300 characters.');
const text = z.string().max(20_000, 'Keep this under 20,000 characters.');
const longText = z.string().max(500_000, 'This text is too long for one field; split it or attach it as a document.');
const year = z.number().int().min(-5000).max(3000);
const caseRole = z.enum(['focal', 'comparison']);
const isoCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'An ISO code is three capital letters, e.g. KAZ.')
  .nullable();

const caseFields = { name: label, isoCode: isoCode.optional(), role: caseRole.optional(), notes: text.optional() };
const normFields = {
  label,
  shortLabel: z.string().trim().max(80).optional(),
  description: text.optional(),
  instrument: z.string().max(1000).optional(),
  paragraph: z.string().max(200).optional(),
  diffusingAgent: z.string().max(300).optional(),
};
const stageFields = { label, description: text.optional(), asksMode: z.boolean().optional() };

const cellPatch = z
  .strictObject({
    status: z.string().min(1).max(64).optional(),
    mode: z.enum(['discourse', 'practice', 'both']).nullable().optional(),
    periodFrom: year.nullable().optional(),
    periodTo: year.nullable().optional(),
    summary: longText.optional(),
    confidence: z.enum(['low', 'medium', 'high']).nullable().optional(),
    memo: longText.optional(),
  })
  .refine((p) => p.periodFrom == null || p.periodTo == null || p.periodFrom <= p.periodTo, {
    message: 'The period must not end before it starts.',
    path: ['periodTo'],
  });

const orphanChoice = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('move'), stageMap: z.record(id, id) }),
  z.strictObject({ action: z.literal('archive') }),
  z.strictObject({ action: z.literal('delete') }),
]);

export const inputSchemas = {
  'app.info': empty,
  'project.current': empty,
  'project.open': z.strictObject({ path: filePath }),
  'project.create': z.strictObject({ path: projectPath, title: z.string().trim().min(1).max(300).optional() }),
  'project.close': empty,
  'project.saveCopy': z.strictObject({ path: projectPath }),
  'project.recent': empty,
  'project.overview': empty,
  'cells.list': z.strictObject({ normId: id.optional() }),
  'cells.update': z.strictObject({ caseId: id, normId: id, stageId: id, patch: cellPatch }),
  'cases.create': z.strictObject(caseFields),
  'cases.update': z.strictObject({ id, ...caseFields, name: label.optional() }),
  'cases.reorder': z.strictObject({ ids }),
  'cases.archive': z.strictObject({ id, archived: z.boolean() }),
  'cases.setAttribute': z.strictObject({ caseId: id, attributeId: id, value: z.union([z.string().max(20_000), z.number().finite(), z.boolean()]).nullable() }),
  'attributes.create': z.strictObject({
    name: label,
    type: z.enum(['text', 'number', 'date', 'boolean', 'choice']),
    choices: z.array(label).max(200).optional(),
  }),
  'attributes.update': z.strictObject({ id, name: label.optional(), choices: z.array(label).max(200).optional() }),
  'attributes.remove': z.strictObject({ id }),
  'norms.create': z.strictObject({ ...normFields, frameworkId: id.optional() }),
  'norms.update': z.strictObject({ id, ...normFields, label: label.optional(), stageNotes: z.record(id, text).optional() }),
  'norms.reorder': z.strictObject({ ids }),
  'norms.archive': z.strictObject({ id, archived: z.boolean() }),
  'norms.frameworkImpact': z.strictObject({ id, frameworkId: id }),
  'norms.setFramework': z.strictObject({ id, frameworkId: id, orphans: orphanChoice.optional() }),
  'frameworks.templates': empty,
  'frameworks.create': z.union([
    z.strictObject({ templateId: id, name: label.optional() }),
    z.strictObject({ name: label, description: text.optional(), stages: z.array(z.strictObject(stageFields)).min(1, 'A framework needs at least one stage.').max(30) }),
  ]),
  'frameworks.update': z.strictObject({ id, name: label.optional(), description: text.optional(), isDefault: z.literal(true).optional() }),
  'frameworks.setStatuses': z.strictObject({
    id,
    statuses: z
      .array(z.strictObject({ key: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(), label, palette: z.number().int().min(0).max(7) }))
      .min(1, 'A status scale needs at least one status.')
      .max(20),
  }),
  'frameworks.remove': z.strictObject({ id }),
  'stages.add': z.strictObject({ frameworkId: id, position: z.number().int().min(1).max(100).optional(), ...stageFields }),
  'stages.update': z.strictObject({ id, ...stageFields, label: label.optional() }),
  'stages.reorder': z.strictObject({ frameworkId: id, ids }),
  'stages.removalImpact': z.strictObject({ id }),
  'stages.remove': z.strictObject({
    id,
    orphans: z
      .discriminatedUnion('action', [
        z.strictObject({ action: z.literal('move'), toStageId: id }),
        z.strictObject({ action: z.literal('archive') }),
        z.strictObject({ action: z.literal('delete') }),
      ])
      .optional(),
  }),
  'views.save': z.strictObject({
    id: id.optional(),
    name: label,
    normIds: ids,
    caseIds: ids,
    orientation: z.enum(['cases-as-columns', 'stages-as-columns']),
    differences: z.boolean(),
  }),
  'views.remove': z.strictObject({ id }),
  'history.state': empty,
  'history.undo': empty,
  'history.redo': empty,
} satisfies { [M in Method]: z.ZodType<ApiInput<M>> };
