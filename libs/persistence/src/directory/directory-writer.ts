import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { EventStore, NewEvent } from '../event-store/event-store';
import {
  type Contact,
  DirectoryInputError,
  type DirectoryEvent,
  checkContact,
  checkEmail,
  checkInstitution,
  checkRole,
  directoryStreamId,
  listContacts,
} from './directory';

/**
 * Changes to the directory, as events on `directory:<institution>`: read the stream's version,
 * decide, append at that version; a concurrent change makes the append conflict and the decision
 * is taken again on the newer state.
 */
export class DirectoryWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStore: EventStore,
  ) {}

  /** Adds or updates a person; null when nothing changes. */
  async set(raw: Parameters<typeof checkContact>[0], actor: string): Promise<Contact | null> {
    const contact = checkContact(raw);
    const changed = await this.change(contact.institution, actor, (current) => {
      const same = current.find((c) => c.role === contact.role && c.email === contact.email);
      if (same && same.name === contact.name && same.preference === contact.preference) return [];
      return [{ type: 'DirectoryContactSet', data: contact }];
    });
    return changed ? contact : null;
  }

  /** Removes a person from a role; refuses an unknown one. */
  async remove(raw: { institution: unknown; role: unknown; email: unknown }, actor: string): Promise<void> {
    const institution = checkInstitution(raw.institution);
    const role = checkRole(institution, raw.role);
    const email = checkEmail(raw.email);
    await this.change(institution, actor, (current) => {
      if (!current.some((c) => c.role === role && c.email === email))
        throw new DirectoryInputError(
          'email',
          `${email} no está en el directorio de ${institution} con el rol ${role}`,
        );
      return [{ type: 'DirectoryContactRemoved', data: { institution, role, email } }];
    });
  }

  /**
   * Seeds each institution of a file whose directory stream is still empty (a directory someone
   * already edited is left as it is). Returns the institutions seeded.
   */
  async seedFromFile(path: string): Promise<string[]> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: no se pudo leer el directorio (${(error as Error).message})`);
    }
    const list = (parsed as { contacts?: unknown }).contacts;
    if (!Array.isArray(list)) throw new Error(`${path}: falta la lista "contacts"`);
    const contacts = list.map((raw, i) => {
      try {
        return checkContact(raw as Parameters<typeof checkContact>[0]);
      } catch (error) {
        throw new Error(`${path}: contacts[${i}].${(error as Error).message}`);
      }
    });
    const seeded: string[] = [];
    for (const institution of [...new Set(contacts.map((c) => c.institution))]) {
      const streamId = directoryStreamId(institution);
      if ((await this.eventStore.currentVersion(this.dataSource.manager, streamId)) > 0) continue;
      const events = contacts
        .filter((c) => c.institution === institution)
        .map((c) => this.event({ type: 'DirectoryContactSet', data: c }, 'semilla'));
      const result = await this.eventStore.append(streamId, 0, events);
      if (result.status === 'Appended') seeded.push(institution);
    }
    return seeded;
  }

  private async change(
    institution: string,
    actor: string,
    decide: (current: Contact[]) => DirectoryEvent[],
  ): Promise<boolean> {
    const streamId = directoryStreamId(institution);
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = await this.eventStore.currentVersion(this.dataSource.manager, streamId);
      const events = decide(await listContacts(this.dataSource.manager, institution));
      if (events.length === 0) return false;
      const result = await this.eventStore.append(
        streamId,
        version,
        events.map((e) => this.event(e, actor)),
      );
      if (result.status !== 'VersionConflict') return true;
    }
    throw new Error(`${streamId}: demasiados cambios simultáneos; intente de nuevo`);
  }

  private event(e: DirectoryEvent, actor: string): NewEvent {
    return {
      eventId: randomUUID(),
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      metadata: { actor },
      occurredAt: new Date(),
    };
  }
}
