import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoopProfile } from './coop-profile.entity';
import { ProfileErrors } from './profile.errors';

@Injectable()
export class ProfileQueries {
  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<CoopProfile> {
    const profile = await this.dataSource.getRepository(CoopProfile).findOne({ where: {} });
    if (!profile) throw ProfileErrors.missing();
    return profile;
  }
}
