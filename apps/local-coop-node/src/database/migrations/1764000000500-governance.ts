import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballots and the board. The secret ballot is kept by the schema itself: who voted
 * (ballot_participation) and what was voted (running tallies in ballot_option) live in separate
 * tables with nothing linking them — no vote row, no timestamp, no sequence.
 */
export class Governance1764000000500 implements MigrationInterface {
  name = 'Governance1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ballot (
        id uuid PRIMARY KEY,
        kind text NOT NULL CONSTRAINT ck_ballot_kind CHECK (kind IN ('motion', 'election', 'rulebook-change')),
        title text NOT NULL CONSTRAINT ck_ballot_title CHECK (length(title) BETWEEN 3 AND 200),
        description text,
        resolution text NOT NULL CONSTRAINT ck_ballot_resolution CHECK (resolution IN ('ordinary', 'special', 'plurality')),
        eligible_classes text[] NOT NULL CONSTRAINT ck_ballot_classes CHECK (cardinality(eligible_classes) >= 1),
        election_class text,
        seats int,
        proposed_rulebook jsonb,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        result jsonb,
        CONSTRAINT ck_ballot_window CHECK (closes_at > opens_at),
        CONSTRAINT ck_ballot_final CHECK ((result IS NULL) = (closed_at IS NULL)),
        CONSTRAINT ck_ballot_election CHECK ((kind = 'election') = (election_class IS NOT NULL AND seats IS NOT NULL AND seats > 0)),
        CONSTRAINT ck_ballot_rulebook CHECK ((kind = 'rulebook-change') = (proposed_rulebook IS NOT NULL)),
        CONSTRAINT ck_ballot_rulebook_special CHECK (kind <> 'rulebook-change' OR resolution = 'special')
      )`);
    await q.query('CREATE INDEX ix_ballot_due ON ballot (closes_at) WHERE closed_at IS NULL');
    await q.query(`
      CREATE TABLE ballot_option (
        ballot_id uuid NOT NULL CONSTRAINT fk_option_ballot REFERENCES ballot (id),
        option_key text NOT NULL,
        position int NOT NULL,
        label text NOT NULL,
        candidate_member_id uuid CONSTRAINT fk_option_candidate REFERENCES member (id),
        votes int NOT NULL DEFAULT 0 CONSTRAINT ck_option_votes CHECK (votes >= 0),
        CONSTRAINT pk_ballot_option PRIMARY KEY (ballot_id, option_key)
      )`);
    await q.query(`
      CREATE TABLE ballot_participation (
        ballot_id uuid NOT NULL CONSTRAINT fk_participation_ballot REFERENCES ballot (id),
        member_id uuid NOT NULL CONSTRAINT fk_participation_member REFERENCES member (id),
        CONSTRAINT pk_ballot_participation PRIMARY KEY (ballot_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE board_seat (
        member_id uuid PRIMARY KEY CONSTRAINT fk_board_member REFERENCES member (id),
        stakeholder_class text NOT NULL,
        since date NOT NULL DEFAULT current_date,
        ballot_id uuid CONSTRAINT fk_board_ballot REFERENCES ballot (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE board_seat');
    await q.query('DROP TABLE ballot_participation');
    await q.query('DROP TABLE ballot_option');
    await q.query('DROP TABLE ballot');
  }
}
