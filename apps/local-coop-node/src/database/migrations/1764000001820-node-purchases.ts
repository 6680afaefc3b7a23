import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The co-op's own purchases, outside the consortium's joint rounds (whose shares the node already
 * keeps as allocations from the hub): supplier, what was bought, the day, the amount in pence, and the
 * locality the supplier is local to when it is one the co-op serves (null: not local). Organisational
 * records: nothing about a person.
 */
export class NodePurchases1764000001820 implements MigrationInterface {
  name = 'NodePurchases1764000001820';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE node_purchase (
        id uuid PRIMARY KEY,
        supplier text NOT NULL CONSTRAINT ck_node_purchase_supplier CHECK (length(supplier) BETWEEN 1 AND 120),
        description text NOT NULL CONSTRAINT ck_node_purchase_description CHECK (length(description) BETWEEN 1 AND 300),
        bought_on date NOT NULL,
        amount_pence bigint NOT NULL CONSTRAINT ck_node_purchase_amount CHECK (amount_pence BETWEEN 1 AND 100000000000),
        local_to text CONSTRAINT ck_node_purchase_local_to CHECK (length(local_to) BETWEEN 2 AND 80),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_node_purchase_bought_on ON node_purchase (bought_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE node_purchase');
  }
}
