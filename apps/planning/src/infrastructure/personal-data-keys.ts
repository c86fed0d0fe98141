import { OnApplicationShutdown } from '@nestjs/common';
import { PersonalDataVault, SqliteKeyStore } from '@bildungsregion/event-store';

/** The key store of contact persons' personal data, in its own SQLite file, closed with the service. */
export class PersonalDataKeys implements OnApplicationShutdown {
  private readonly keys: SqliteKeyStore;
  readonly vault: PersonalDataVault;

  constructor(file: string) {
    this.keys = new SqliteKeyStore(file);
    this.vault = new PersonalDataVault(this.keys);
  }

  onApplicationShutdown(): void {
    this.keys.close();
  }
}
