/**
 * Every method of the API, by name. The IPC channels (`api:<method>`), the preload object and the HTTP routes
 * (`POST /api/<method>`) are all generated from this list, so a method cannot be served by one transport only.
 */
export const METHODS = [
  'app.info',
  'project.current',
  'project.open',
  'project.create',
  'project.close',
  'project.saveCopy',
  'project.recent',
  'project.overview',
  'cells.list',
  'cells.update',
  'cases.create',
  'cases.update',
  'cases.reorder',
  'cases.archive',
  'cases.setAttribute',
  'attributes.create',
  'attributes.update',
  'attributes.remove',
  'norms.create',
  'norms.update',
  'norms.reorder',
  'norms.archive',
  'norms.frameworkImpact',
  'norms.setFramework',
  'frameworks.templates',
  'frameworks.create',
  'frameworks.update',
  'frameworks.setStatuses',
  'frameworks.remove',
  'stages.add',
  'stages.update',
  'stages.reorder',
  'stages.removalImpact',
  'stages.remove',
  'views.save',
  'views.remove',
  'history.state',
  'history.undo',
  'history.redo',
] as const;

export type Method = (typeof METHODS)[number];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && (METHODS as readonly string[]).includes(value);
}

/** The IPC channel a method travels on. */
export function channelFor(method: Method): `api:${Method}` {
  return `api:${method}`;
}
