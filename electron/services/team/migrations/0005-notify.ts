import type { PgMigration } from './migration'

/**
 * The channel a team library announces its changes on (NOTIFY), for every PacketDesk
 * connected to it to refresh what its clerk sees (issue 11 item 4; services/team/listen.ts).
 */
export const TEAM_CHANGES_CHANNEL = 'packetdesk_library'

/**
 * The tables whose changes a clerk can see on screen (not the audit log, blobs or the index).
 * Spelled out rather than imported from team/tables.ts: a shipped migration must not change
 * when a list elsewhere does.
 */
const WATCHED = [
  'companies',
  'persons',
  'trademarks',
  'relations',
  'files',
  'documents',
  'packets',
  'packet_trademarks',
  'submissions',
  'letters',
  'user_industries',
  'letter_templates',
  'template_wording',
]

/**
 * One notification per statement, carrying the table's name only — never a row (names and ID
 * numbers stay out of the server log and of other sessions). NOTIFY is sent at commit (a
 * rolled-back change announces nothing) and folds identical payloads of one transaction.
 */
export const pgMigration0005: PgMigration = {
  version: 5,
  name: 'notify',
  up: `
    CREATE FUNCTION notify_library_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${TEAM_CHANGES_CHANNEL}', json_build_object('table', TG_TABLE_NAME)::text);
      RETURN NULL;
    END
    $$;
    ${WATCHED.map(
      (table) =>
        `CREATE TRIGGER notify_library_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION notify_library_change();`,
    ).join('\n    ')}
  `,
}
