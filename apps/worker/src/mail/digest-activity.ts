import type { DigestActivities, DigestResult } from '@seguimiento/contracts';
import { type QuietSettings, changesFrom, composeDigest, isDigestDay, localDate } from '@seguimiento/mail';
import { digestMaterial, writeDigests } from '@seguimiento/persistence';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';

const MEXICO_CITY = 'America/Mexico_City';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The digest's activity: each person of the directory gets, on each local day, the digest of their
 * institutions' cases — overdue with days late, due within 7 days, what changed since the last
 * digest — unless there is nothing to say or the day is a quiet weekend day of their institution.
 * Written to the outbox keyed by person and date (idempotent); the sender sends it, holding it
 * through quiet hours like any other mail.
 */
export function createDigestActivities(deps: { dataSource: DataSource; quiet: QuietSettings }): DigestActivities {
  return {
    async composeDailyDigest({ date, at }): Promise<DigestResult> {
      if (date !== null && (!DATE.test(date) || !DateTime.fromISO(date).isValid))
        throw new Error(`date: "${date}" no es una fecha AAAA-MM-DD`);
      const day = date ?? localDate(at);
      const start = DateTime.fromISO(day, { zone: MEXICO_CITY });
      // A day given explicitly is composed as of its 08:00, like the schedule's run of that day.
      const asOf = date === null ? at : start.set({ hour: 8 }).toUTC().toISO()!;
      const material = await digestMaterial(deps.dataSource.manager, {
        from: start.minus({ days: 7 }).toJSDate(),
        to: start.toJSDate(),
      });
      const digests = [];
      let skipped = 0;
      for (const person of material.people) {
        // A person of an OPLE follows their OPLE's quiet rules; INE's, INE's.
        const institution = person.institutions.find((i) => i !== 'INE') ?? person.institutions[0];
        const rules = deps.quiet[institution];
        const digest = isDigestDay(day, rules)
          ? composeDigest(person, {
              date: day,
              at: asOf,
              changesFrom: changesFrom(day, rules),
              cases: material.cases,
              changes: material.changes,
            })
          : null;
        if (digest) digests.push({ person, institution, digest: { ...digest } });
        else skipped++;
      }
      const written = await writeDigests(deps.dataSource.manager, day, digests);
      return { date: day, written, withNews: digests.length, skipped };
    },
  };
}
