/**
 * electron-builder.yml, checked without packaging (which needs the network): it must satisfy electron-builder's own
 * JSON schema and keep what the app relies on at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const configFile = path.join(root, 'electron-builder.yml');
const schemaFile = path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json');

interface FileSet {
  from?: string;
  to?: string;
  filter?: string | string[];
}

interface FileAssociation {
  ext: string | string[];
  name?: string;
  role?: string;
  mimeType?: string;
}

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string };
  files?: Array<string | FileSet>;
  extraResources?: Array<string | FileSet>;
  asarUnpack?: string | string[];
  fileAssociations?: FileAssociation | FileAssociation[];
  linux?: { target?: unknown; category?: string; icon?: string };
  win?: { target?: unknown; icon?: string };
  mac?: { target?: unknown; category?: string; icon?: string };
}

/** A validator for electron-builder's schema (draft-07), strict except for what the schema itself needs. */
function compileBuilderSchema(): (data: unknown) => { valid: boolean; errors: ErrorObject[] } {
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // The schema uses union types and a `typeof` keyword (for options that take a function in JS configs).
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  const validate = ajv.compile(schema);
  return (data) => {
    const valid = validate(data);
    return { valid, errors: validate.errors ?? [] };
  };
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}

let validate: ReturnType<typeof compileBuilderSchema>;
let config: BuilderConfig;

beforeAll(() => {
  validate = compileBuilderSchema();
  config = parse(fs.readFileSync(configFile, 'utf8')) as BuilderConfig;
});

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", () => {
    const { valid, errors } = validate(config);
    expect(describeErrors(errors)).toBe('');
    expect(valid).toBe(true);
  });

  it('the schema check catches a broken config (so the test above means something)', () => {
    const broken: Array<[string, unknown]> = [
      ['unknown top-level key', { ...config, fileAssociation: config.fileAssociations }],
      ['association without ext', { ...config, fileAssociations: [{ name: 'Comparanda Project', role: 'Editor' }] }],
      ['association ext as a number', { ...config, fileAssociations: [{ ext: 5, role: 'Editor' }] }],
      ['extraResources as a number', { ...config, extraResources: 3 }],
      ['linux target misspelt', { ...config, linux: { ...config.linux, targets: ['AppImage'] } }],
      ['compression typo', { ...config, compression: 'fastest' }],
    ];
    for (const [name, candidate] of broken) expect(validate(candidate).valid, name).toBe(false);
  });

  it('names the app and writes packages to release/', () => {
    expect(config.appId).toBe('org.comparanda.app');
    expect(config.productName).toBe('Comparanda');
    expect(config.directories?.output).toBe('release');
  });

  it('packs the built app and package.json', () => {
    const files = asArray(config.files).filter((f): f is string => typeof f === 'string');
    expect(files).toContain('dist/**');
    expect(files).toContain('package.json');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main?: string };
    expect(pkg.main?.startsWith('dist/')).toBe(true);
  });

  it('ships migrations and assets as resources, where electron/core/paths.ts looks for them', () => {
    const resources = asArray(config.extraResources).map((r) => (typeof r === 'string' ? { from: r, to: r } : r));
    expect(resources).toContainEqual(expect.objectContaining({ from: 'migrations', to: 'migrations' }));
    expect(resources).toContainEqual(expect.objectContaining({ from: 'assets', to: 'assets' }));
    // The precomputed expected schema goes with the migrations it was made from (issue 22: opens read it).
    expect(resources.find((r) => r.from === 'migrations')?.filter).toEqual(expect.arrayContaining(['**/*.sql', 'expected-schema.json']));
    for (const r of resources) expect(fs.existsSync(path.join(root, r.from ?? '')), `${r.from} exists`).toBe(true);
  });

  it('keeps better-sqlite3 outside the asar archive', () => {
    expect(asArray(config.asarUnpack)).toContain('**/node_modules/better-sqlite3/**');
  });

  it('ships the OCR trained data as resources/tessdata (filled by npm run dist), with tesseract.js outside the archive', () => {
    const resources = asArray(config.extraResources).filter((r): r is FileSet => typeof r !== 'string');
    expect(resources).toContainEqual({ from: 'tessdata', to: 'tessdata', filter: ['*.traineddata'] });
    expect(asArray(config.asarUnpack)).toEqual(expect.arrayContaining(['**/node_modules/tesseract.js/**', '**/node_modules/tesseract.js-core/**']));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/tsx scripts\/tessdata\.ts && electron-builder/);
  });

  it('associates .comparanda files with the app', () => {
    const associations = asArray(config.fileAssociations);
    const project = associations.find((a) => asArray(a.ext).includes('comparanda'));
    expect(project).toMatchObject({ name: 'Comparanda Project', role: 'Editor', mimeType: 'application/x-comparanda' });
  });

  it('builds AppImage and deb, NSIS and dmg, with icons that exist', () => {
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux?.category).toMatch(/Science|Education/);
    expect(asArray(config.win?.target as string | string[])).toContain('nsis');
    expect(asArray(config.mac?.target as string | string[])).toContain('dmg');
    expect(config.mac?.category).toBe('public.app-category.education');
    const iconDir = path.join(root, config.linux?.icon ?? 'missing');
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(fs.existsSync(path.join(iconDir, `${size}x${size}.png`)), `${size}px icon`).toBe(true);
    for (const icon of [config.win?.icon, config.mac?.icon]) expect(fs.existsSync(path.join(root, icon ?? 'missing'))).toBe(true);
  });
});
