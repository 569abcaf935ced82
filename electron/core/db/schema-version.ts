/** The project format this build of Comparanda reads and writes: the number of the last migration it ships. */
export const SCHEMA_VERSION = 15;

/** `PRAGMA application_id` of every Comparanda project ("Comp" in ASCII), so a foreign SQLite file is recognised. */
export const APPLICATION_ID = 0x436f6d70;
